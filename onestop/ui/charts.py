"""Charts of the figures screen (F7), drawn with Qt Charts when the installed PySide6 has it
(PySide6-Essentials does); without it ``available()`` is False and the screen shows its tables
only (the PDF report has its own charts, drawn by reportlab)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

try:
    from PySide6 import QtCharts
except ImportError:  # pragma: no cover - a PySide6 without the charts module
    QtCharts = None  # type: ignore[assignment]


def available() -> bool:
    return QtCharts is not None


class BarChart(QWidget):
    """Bars with their values as labels: one colour per bar, a title, no legend."""

    def __init__(self, title: str, *, horizontal: bool = False, maximum: float | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        from PySide6.QtWidgets import QVBoxLayout

        assert QtCharts is not None
        self.horizontal = horizontal
        self.maximum = maximum
        self.title = title
        self.chart = self._new_chart()
        self.view = QtCharts.QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(180)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.values: list[float] = []
        self.labels: list[str] = []

    def _new_chart(self) -> Any:
        assert QtCharts is not None
        chart = QtCharts.QChart()
        chart.setTitle(self.title)
        chart.legend().hide()
        chart.setAnimationOptions(QtCharts.QChart.AnimationOption.NoAnimation)
        return chart

    def set_bars(self, bars: Sequence[tuple[str, float, str]]) -> None:
        """``(label, value, colour)`` per bar, in order (a new chart each time: simpler than
        detaching series and axes from the old one)."""
        assert QtCharts is not None
        chart = self._new_chart()
        self.labels = [label for label, _v, _c in bars]
        self.values = [float(v) for _l, v, _c in bars]
        series: Any = (
            QtCharts.QHorizontalStackedBarSeries() if self.horizontal else QtCharts.QStackedBarSeries()
        )
        series.setLabelsVisible(True)
        series.setLabelsPosition(QtCharts.QAbstractBarSeries.LabelsPosition.LabelsInsideEnd)
        # One set per bar, so each has its colour; the others are 0 at its category.
        for i, (_label, value, colour) in enumerate(bars):
            bar = QtCharts.QBarSet(self.labels[i])
            bar.append([value if j == i else 0.0 for j in range(len(bars))])
            bar.setColor(QColor(colour))
            bar.setLabelColor(QColor("white"))
            series.append(bar)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        categories = QtCharts.QBarCategoryAxis()
        categories.append(self.labels or [""])
        small = categories.labelsFont()
        small.setPointSizeF(small.pointSizeF() * 0.9)  # the levels' names fit under their bars
        categories.setLabelsFont(small)
        values = QtCharts.QValueAxis()
        top = self.maximum if self.maximum is not None else max([1.0, *self.values]) * 1.2
        values.setRange(0, top)
        values.applyNiceNumbers()
        values.setLabelFormat("%g")
        if self.horizontal:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        self._keep = (series, categories, values)  # PySide: the chart does not keep them alive
        old, self.chart = self.chart, chart
        self.view.setChart(chart)
        old.deleteLater()
