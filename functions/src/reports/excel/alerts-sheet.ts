import type { Worksheet } from "exceljs";
import { rankAlerts } from "../alert-ranking";
import { itemName, ratioName } from "../display-names";
import { periodTitle } from "../periods";
import { ratioUnitOf } from "../ratio-lookup";
import { alertRuleName, severityName, word } from "../wording";
import type { WorkbookContext } from "./context";
import {
  FILL_CRITICAL,
  FILL_WARNING,
  FORMAT_AMOUNT,
  freezeBelow,
  preparePrinting,
  ratioFormat,
  styleHeaderRow,
  styleTitle,
} from "./styles";

const HEADER_ROW = 3;

export function addAlertsSheet(context: WorkbookContext): Worksheet {
  const { language, periods, output } = context;
  const sheet = context.workbook.addWorksheet(word("alerts", language), {
    properties: { tabColor: { argb: "FFC00000" } },
  });
  styleTitle(sheet.getCell("A1"));
  sheet.getCell("A1").value = word("alerts", language);
  const header = sheet.getRow(HEADER_ROW);
  header.values = [
    word("severity", language),
    word("period", language),
    word("item", language),
    word("value", language),
    word("threshold", language),
    word("message", language),
    word("rule", language),
  ];
  styleHeaderRow(header, { rightAligned: [4, 5] });
  if (output.alerts.length === 0) sheet.addRow([word("noAlerts", language)]);
  for (const alert of rankAlerts(output.alerts)) {
    const period = periods.find((candidate) => candidate.id === alert.period);
    const unit = alert.key ? ratioUnitOf(output.ratios, alert.key) : undefined;
    const name = alert.key ? (unit ? ratioName(alert.key, language) : itemName(alert.key, language)) : "";
    const row = sheet.addRow([
      severityName(alert.severity, language),
      period ? periodTitle(period, language) : alert.period,
      name,
      alert.value ?? null,
      alert.threshold ?? null,
      alert.message[language],
      alertRuleName(alert.rule, language),
    ]);
    const format = unit ? ratioFormat(unit) : FORMAT_AMOUNT;
    row.getCell(4).numFmt = format;
    row.getCell(5).numFmt = format;
    row.getCell(6).alignment = { wrapText: true, vertical: "top" };
    if (alert.severity !== "info")
      row.getCell(1).fill = alert.severity === "critical" ? FILL_CRITICAL : FILL_WARNING;
  }
  [12, 14, 32, 18, 12, 80, 28].forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  freezeBelow(sheet, HEADER_ROW, 1);
  preparePrinting(sheet, HEADER_ROW);
  return sheet;
}
