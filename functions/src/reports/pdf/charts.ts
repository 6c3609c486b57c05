/**
 * Charts drawn as vector paths (no images): grouped horizontal bars for ratios, one bar per
 * period, and trend lines of key amounts across periods.
 */
import { COLORS, type PageFlow } from "./page-flow";

export interface ChartSeries {
  label: string;
  color: string;
}

export interface BarRow {
  label: string;
  /** One value per series; null draws no bar. */
  values: Array<number | null>;
}

function legend(flow: PageFlow, series: ChartSeries[], y: number): void {
  const { doc } = flow;
  let x = flow.left;
  flow.font("regular", 7.5, COLORS.muted);
  for (const item of series) {
    doc.rect(x, y + 1, 8, 8).fill(item.color);
    flow.font("regular", 7.5, COLORS.muted);
    doc.text(item.label, x + 11, y, { lineBreak: false });
    x += 11 + doc.widthOfString(item.label) + 14;
  }
}

export function drawBarChart(
  flow: PageFlow,
  options: {
    title: string;
    series: ChartSeries[];
    rows: BarRow[];
    format: (value: number) => string;
    reference?: number;
  },
): void {
  const { doc } = flow;
  const { series, rows, format } = options;
  const barHeight = 7;
  const rowHeight = series.length * (barHeight + 1.5) + 8;
  const height = 36 + rows.length * rowHeight + 8;
  flow.ensure(height);
  flow.font("bold", 10, COLORS.navy).text(options.title, flow.left, flow.y, { lineBreak: false });
  legend(flow, series, flow.y + 15);
  const top = flow.y + 32;
  const labelWidth = 150;
  const valueWidth = 58;
  const plotLeft = flow.left + labelWidth;
  const plotWidth = flow.width - labelWidth - valueWidth;
  const values = rows.flatMap((row) => row.values).filter((value): value is number => value !== null);
  const max = Math.max(0, ...values, options.reference ?? 0);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const zeroX = plotLeft + ((0 - min) / span) * plotWidth;
  const xOf = (value: number) => plotLeft + ((value - min) / span) * plotWidth;

  doc.rect(plotLeft, top - 2, plotWidth, rows.length * rowHeight).fill(COLORS.panel);
  rows.forEach((row, rowIndex) => {
    const rowTop = top + rowIndex * rowHeight;
    flow.font("condensed", 8, COLORS.text).text(row.label, flow.left, rowTop + rowHeight / 2 - 8, {
      width: labelWidth - 8,
      height: rowHeight,
      ellipsis: true,
    });
    row.values.forEach((value, seriesIndex) => {
      if (value === null) return;
      const y = rowTop + 2 + seriesIndex * (barHeight + 1.5);
      const x0 = Math.min(zeroX, xOf(value));
      const width = Math.max(0.8, Math.abs(xOf(value) - zeroX));
      doc.rect(x0, y, width, barHeight).fill(series[seriesIndex]?.color ?? COLORS.navy);
      flow.font("condensed", 7, COLORS.muted);
      const text = format(value);
      const textX = value >= 0 ? xOf(value) + 3 : x0 - doc.widthOfString(text) - 3;
      doc.text(text, Math.max(flow.left + labelWidth - 40, textX), y - 0.5, { lineBreak: false });
    });
  });
  const plotBottom = top - 2 + rows.length * rowHeight;
  doc
    .moveTo(zeroX, top - 2)
    .lineTo(zeroX, plotBottom)
    .lineWidth(0.8)
    .strokeColor(COLORS.muted)
    .stroke();
  if (options.reference !== undefined) {
    const x = xOf(options.reference);
    doc
      .moveTo(x, top - 2)
      .lineTo(x, plotBottom)
      .dash(2, { space: 2 })
      .lineWidth(0.8)
      .strokeColor(COLORS.critical)
      .stroke();
    doc.undash();
    flow
      .font("condensed", 7, COLORS.critical)
      .text(format(options.reference), x + 2, plotBottom + 1, { lineBreak: false });
  }
  flow.y = plotBottom + 16;
}

function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  const nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
  return nice * magnitude;
}

export interface TrendLine {
  label: string;
  color: string;
  /** One value per x label; null leaves a gap. */
  values: Array<number | null>;
}

export function drawTrendChart(
  flow: PageFlow,
  options: { title: string; xLabels: string[]; lines: TrendLine[]; format: (value: number) => string },
): void {
  const { doc } = flow;
  const height = 250;
  flow.ensure(height);
  flow.font("bold", 10, COLORS.navy).text(options.title, flow.left, flow.y, { lineBreak: false });
  legend(flow, options.lines, flow.y + 15);
  const top = flow.y + 36;
  const axisWidth = 56;
  const plotLeft = flow.left + axisWidth;
  // Inset so the first and last period labels, centred on their points, stay on the page.
  const inset = 36;
  const plotWidth = flow.width - axisWidth - 8;
  const plotHeight = height - 70;
  const values = options.lines
    .flatMap((line) => line.values)
    .filter((value): value is number => value !== null);
  const step = niceStep(Math.max(...values, 0) - Math.min(...values, 0) || 1, 4);
  const low = Math.floor(Math.min(0, ...values) / step) * step;
  const high = Math.ceil(Math.max(0, ...values) / step) * step || step;
  const yOf = (value: number) => top + plotHeight - ((value - low) / (high - low)) * plotHeight;
  const count = options.xLabels.length;
  const xOf = (index: number) =>
    plotLeft + (count === 1 ? plotWidth / 2 : inset + (index / (count - 1)) * (plotWidth - 2 * inset));

  for (let tick = low; tick <= high + step / 2; tick += step) {
    const y = yOf(tick);
    doc
      .moveTo(plotLeft, y)
      .lineTo(plotLeft + plotWidth, y)
      .lineWidth(tick === 0 ? 0.9 : 0.4)
      .strokeColor(tick === 0 ? COLORS.muted : COLORS.rule)
      .stroke();
    flow.font("condensed", 7, COLORS.muted).text(options.format(tick), flow.left, y - 4, {
      width: axisWidth - 6,
      align: "right",
      lineBreak: false,
    });
  }
  options.xLabels.forEach((label, index) => {
    flow
      .font("condensed", 7.5, COLORS.muted)
      .text(label, xOf(index) - 40, top + plotHeight + 5, { width: 80, align: "center", lineBreak: false });
  });
  for (const line of options.lines) {
    let started = false;
    line.values.forEach((value, index) => {
      if (value === null) {
        started = false;
        return;
      }
      if (started) doc.lineTo(xOf(index), yOf(value));
      else doc.moveTo(xOf(index), yOf(value));
      started = true;
    });
    doc.lineWidth(1.8).strokeColor(line.color).stroke();
    line.values.forEach((value, index) => {
      if (value !== null) doc.circle(xOf(index), yOf(value), 2.6).fill(line.color);
    });
  }
  flow.y = top + plotHeight + 24;
}
