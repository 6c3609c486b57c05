/** The HTML body: inline styles and tables only, which is what mail clients render reliably. */
import { formatAmount } from "../format";
import { type EmailContent, expiryText } from "./email-content";

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const SEVERITY_COLORS = { critical: "#C0392B", warning: "#E08E0B", info: "#2E86AB" } as const;
const CELL = "padding:6px 10px;border-bottom:1px solid #E3E8EF;";

function figuresTable(content: EmailContent): string {
  if (content.figures.length === 0) return "";
  const [latest, prior] = content.periodHeaders;
  const head = [latest, prior, prior ? (content.language === "tr" ? "Değişim" : "Change") : undefined]
    .filter((text): text is string => text !== undefined)
    .map((text) => `<th style="${CELL}text-align:right;color:#FFFFFF;">${escapeHtml(text)}</th>`)
    .join("");
  const rows = content.figures
    .map((figure) => {
      const color = figure.up === undefined ? "#666666" : figure.up ? "#2E7D32" : "#C62828";
      const cells = [
        `<td style="${CELL}">${escapeHtml(figure.label)}</td>`,
        `<td style="${CELL}text-align:right;font-weight:bold;">${escapeHtml(figure.latest)}</td>`,
        prior
          ? `<td style="${CELL}text-align:right;color:#666666;">${escapeHtml(figure.prior ?? "")}</td>`
          : "",
        prior
          ? `<td style="${CELL}text-align:right;color:${color};">${escapeHtml(figure.change ?? "")}</td>`
          : "",
      ];
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("");
  const title = content.language === "tr" ? "Temel göstergeler" : "Key figures";
  return `<h2 style="font-size:16px;color:#1F3A5F;margin:24px 0 8px;">${title}</h2>
<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%;font-size:13px;">
<tr style="background:#1F3A5F;"><th style="${CELL}text-align:left;color:#FFFFFF;"></th>${head}</tr>${rows}</table>`;
}

function alertsBlock(content: EmailContent): string {
  if (content.alerts.length === 0) return "";
  const items = content.alerts
    .map(
      (
        alert,
      ) => `<tr><td style="padding:8px 10px;border-left:4px solid ${SEVERITY_COLORS[alert.severity]};background:#F3F6FA;font-size:13px;">
<strong style="color:${SEVERITY_COLORS[alert.severity]};">${escapeHtml(alert.label)}</strong> — ${escapeHtml(alert.text)}</td></tr>
<tr><td style="height:6px;"></td></tr>`,
    )
    .join("");
  const more =
    content.moreAlerts > 0
      ? `<p style="font-size:12px;color:#666666;">${content.language === "tr" ? `ve ${content.moreAlerts} uyarı daha (raporda)` : `and ${content.moreAlerts} more alert(s) in the report`}</p>`
      : "";
  const title = content.language === "tr" ? "Uyarılar" : "Alerts";
  return `<h2 style="font-size:16px;color:#1F3A5F;margin:24px 0 8px;">${title}</h2>
<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%;">${items}</table>${more}`;
}

function filesBlock(content: EmailContent): string {
  const items = content.files
    .map((file) => {
      const size = `${formatAmount(file.sizeBytes / 1024, content.language, 0)} KB`;
      if (!file.link) return `<li>${escapeHtml(file.name)} (${size})</li>`;
      return `<li><a href="${escapeHtml(file.link.url)}" style="color:#2E86AB;">${escapeHtml(file.name)}</a> (${size}) — ${escapeHtml(expiryText(file.link.expiresAt, content.language))}</li>`;
    })
    .join("");
  return `<p style="font-size:13px;margin:24px 0 4px;">${escapeHtml(content.filesIntro)}</p><ul style="font-size:13px;margin-top:0;">${items}</ul>`;
}

export function renderHtml(content: EmailContent): string {
  const message = content.message
    ? `<blockquote style="margin:16px 0;padding:10px 14px;border-left:3px solid #C9D3DF;color:#333333;font-size:14px;">${escapeHtml(content.message).replace(/\r?\n/g, "<br>")}</blockquote>`
    : "";
  const review = content.review
    ? `<p style="font-size:13px;color:#9A5B00;">${escapeHtml(content.review)}</p>`
    : "";
  return `<!doctype html>
<html lang="${content.language}"><head><meta charset="utf-8"><title>${escapeHtml(content.title)}</title></head>
<body style="margin:0;padding:0;background:#FFFFFF;font-family:Arial,Helvetica,sans-serif;color:#222222;">
<div style="max-width:640px;margin:0 auto;padding:24px;">
<div style="background:#1F3A5F;color:#FFFFFF;padding:18px 20px;">
<div style="font-size:11px;letter-spacing:3px;color:#9FC3E7;">FINSTAT</div>
<div style="font-size:20px;margin-top:6px;">${escapeHtml(content.title)}</div>
<div style="font-size:16px;font-weight:bold;margin-top:4px;">${escapeHtml(content.companyName)}</div>
</div>
<p style="font-size:14px;line-height:1.5;">${escapeHtml(content.intro)}</p>
${message}${figuresTable(content)}${alertsBlock(content)}${review}${filesBlock(content)}
<p style="font-size:11px;color:#888888;margin-top:28px;">${escapeHtml(content.footer)}</p>
</div></body></html>`;
}
