/** The plain-text body, for clients that do not show HTML and for screen readers. */
import { formatAmount } from "../format";
import { type EmailContent, expiryText } from "./email-content";

export function renderText(content: EmailContent): string {
  const lines = [`${content.title}: ${content.companyName}`, "", content.intro, ""];
  if (content.message) lines.push(content.message, "");
  if (content.figures.length > 0) {
    const [latest, prior] = content.periodHeaders;
    lines.push(
      content.language === "tr" ? "TEMEL GÖSTERGELER" : "KEY FIGURES",
      `(${[latest, prior].filter(Boolean).join(" / ")})`,
    );
    for (const figure of content.figures) {
      const rest = [figure.prior, figure.change].filter(Boolean).join(", ");
      lines.push(`- ${figure.label}: ${figure.latest}${rest ? ` (${rest})` : ""}`);
    }
    lines.push("");
  }
  if (content.alerts.length > 0) {
    lines.push(content.language === "tr" ? "UYARILAR" : "ALERTS");
    for (const alert of content.alerts) lines.push(`- [${alert.label}] ${alert.text}`);
    if (content.moreAlerts > 0) {
      lines.push(
        content.language === "tr"
          ? `  ve ${content.moreAlerts} uyarı daha (raporda)`
          : `  and ${content.moreAlerts} more in the report`,
      );
    }
    lines.push("");
  }
  if (content.review) lines.push(content.review, "");
  lines.push(content.filesIntro);
  for (const file of content.files) {
    const size = `${formatAmount(file.sizeBytes / 1024, content.language, 0)} KB`;
    lines.push(
      file.link
        ? `- ${file.name} (${size}): ${file.link.url} — ${expiryText(file.link.expiresAt, content.language)}`
        : `- ${file.name} (${size})`,
    );
  }
  lines.push("", "--", content.footer);
  return lines.join("\n");
}
