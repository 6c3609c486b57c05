import { describe, expect, it } from "vitest";
import { inferYearEnd, parsePeriodLabel } from "./periods";
import { foldKeepingPunctuation } from "./printed-dates";

describe("parsePeriodLabel: dates", () => {
  it.each([
    ["31.12.2024", "2024-12-31"],
    ["31/12/2024", "2024-12-31"],
    ["31-12-2024", "2024-12-31"],
    ["2024-12-31", "2024-12-31"],
    ["31.12.24", "2024-12-31"],
    ["31 Aralık 2024", "2024-12-31"],
    ["31 ARALIK 2024", "2024-12-31"],
    ["30 Haziran 2024", "2024-06-30"],
    ["29 Şubat 2024", "2024-02-29"],
    ["31 December 2024", "2024-12-31"],
    ["December 31, 2024", "2024-12-31"],
    ["Dec. 31, 2024", "2024-12-31"],
    ["June 30, 2022", "2022-06-30"],
    ["12/31/2024", "2024-12-31"],
    ["Aralık 2024", "2024-12-31"],
    ["31.12.2024 tarihi itibarıyla", "2024-12-31"],
    // Month names as OCR misreads them.
    ["lune 30, 2025", "2025-06-30"],
    ["Decernber 31, 2024", "2024-12-31"],
    ["31 Ianuary 2024", "2024-01-31"],
    ["J une 30, 2021", "2021-06-30"],
  ])("%s ends %s", (text, end) => {
    const p = parsePeriodLabel(text);
    expect(p?.end).toBe(end);
    expect(p?.year).toBe(Number(end.slice(0, 4)));
    expect(p?.label).toBe(text);
  });

  it("reads ranges with their start", () => {
    expect(parsePeriodLabel("1 Ocak - 31 Aralık 2024")).toMatchObject({
      start: "2024-01-01",
      end: "2024-12-31",
    });
    expect(parsePeriodLabel("01.01.2024-31.12.2024")).toMatchObject({
      start: "2024-01-01",
      end: "2024-12-31",
    });
    expect(parsePeriodLabel("1 Temmuz 2023 – 30 Haziran 2024")).toMatchObject({
      start: "2023-07-01",
      end: "2024-06-30",
    });
    expect(parsePeriodLabel("1 Temmuz - 30 Haziran 2024")).toMatchObject({
      start: "2023-07-01",
      end: "2024-06-30",
    });
    expect(parsePeriodLabel("1 January 2024 to 31 December 2024")).toMatchObject({
      start: "2024-01-01",
      end: "2024-12-31",
    });
    expect(parsePeriodLabel("For the year ended 31 December 2022")).toMatchObject({
      start: "2022-01-01",
      end: "2022-12-31",
    });
  });

  it.each([
    ["01.01-31.12.2024", "2024-01-01", "2024-12-31"],
    ["01.01.-31.12.2023", "2023-01-01", "2023-12-31"],
    ["01.04-31.03.2024", "2023-04-01", "2024-03-31"],
  ])("reads the KAP range %s without a year on its start (not as a date in 2031)", (text, start, end) => {
    expect(parsePeriodLabel(text)).toMatchObject({ start, end, year: Number(end.slice(0, 4)) });
  });

  it("reads a fiscal year named by two years as ending in the later one", () => {
    expect(parsePeriodLabel("2024-25", { fiscalYearEnd: "03-31" })).toMatchObject({ end: "2025-03-31" });
    expect(parsePeriodLabel("2023/24", { fiscalYearEnd: "03-31" })).toMatchObject({ end: "2024-03-31" });
    expect(parsePeriodLabel("2024/23")).toMatchObject({ year: 2024 });
  });

  it("flags day/month order it cannot know and rejects impossible dates", () => {
    const p = parsePeriodLabel("04/05/2024");
    expect(p?.end).toBe("2024-05-04");
    expect(p?.confidence).toBeLessThan(0.7);
    expect(parsePeriodLabel("31.02.2024")).toBeNull();
  });
});

describe("parsePeriodLabel: years, relative labels, audit status", () => {
  it("turns a bare year into 31 December unless a fiscal year end is known", () => {
    expect(parsePeriodLabel("2024")).toMatchObject({ year: 2024, end: "2024-12-31", assumedYearEnd: true });
    const fiscal = parsePeriodLabel("2022", { fiscalYearEnd: "06-30" });
    expect(fiscal).toMatchObject({ year: 2022, end: "2022-06-30" });
    expect(fiscal?.confidence).toBeGreaterThan(parsePeriodLabel("2022")?.confidence ?? 1);
    expect(parsePeriodLabel("2023", { fiscalYearEnd: "2024-10-31" })?.end).toBe("2023-10-31");
  });

  it.each([
    ["FY2024", 2024],
    ["FY 24", 2024],
    ["2024 £", 2024],
    ["£ 2024", 2024],
    ["2024 TL", 2024],
    ["2023/2024", 2024],
  ])("%s is year %d", (text, year) => {
    expect(parsePeriodLabel(text)?.year).toBe(year);
  });

  it.each([
    ["Cari Dönem", "current"],
    ["CARİ DÖNEM", "current"],
    ["Önceki Dönem", "prior"],
    ["ÖNCEKİ DÖNEM", "prior"],
    ["Current period", "current"],
    ["Prior period", "prior"],
    ["Previous year", "prior"],
  ])("%s is the %s period", (text, relative) => {
    const p = parsePeriodLabel(text);
    expect(p?.relative).toBe(relative);
    expect(p?.end).toBeUndefined();
  });

  it("combines a relative label with its date", () => {
    expect(parsePeriodLabel("Cari Dönem 31.12.2024")).toMatchObject({
      relative: "current",
      end: "2024-12-31",
    });
  });

  it("reads audit status but treats it as no period on its own", () => {
    const audited = parsePeriodLabel("Bağımsız Denetimden Geçmiş");
    expect(audited).toMatchObject({ audited: true });
    expect(audited?.end).toBeUndefined();
    expect(audited?.confidence).toBeLessThan(0.5);
    expect(parsePeriodLabel("Bağımsız Denetimden Geçmemiş")?.audited).toBe(false);
    expect(parsePeriodLabel("Bağımsız Denetimden Geçmiş Cari Dönem")).toMatchObject({
      audited: true,
      relative: "current",
    });
  });

  it("is null for what is not a period", () => {
    for (const text of ["", "Notes", "Not", "Dipnot", "5", "1.234", "2,024", "Kasa", "£"]) {
      expect(parsePeriodLabel(text), text).toBeNull();
    }
  });
});

describe("inferYearEnd", () => {
  it("reads US 'Years ended June 30' and 'As of June 30'", () => {
    expect(
      inferYearEnd(["CONSOLIDATED STATEMENTS OF EARNINGS", "The Clorox Company", "Years ended June 30"]),
    ).toBe("06-30");
    expect(inferYearEnd(["CONSOLIDATED BALANCE SHEETS", "As of June 30"])).toBe("06-30");
  });

  it("reads UK and Turkish year ends", () => {
    expect(inferYearEnd(["Balance Sheet", "as at 31 October 2024"])).toBe("10-31");
    expect(inferYearEnd(["STATEMENT OF FINANCIAL POSITION AT 31 December 2022"])).toBe("12-31");
    expect(inferYearEnd(["XYZ A.Ş. 31 Aralık 2024 Tarihi İtibarıyla Bilanço"])).toBe("12-31");
    expect(inferYearEnd(["1 Temmuz 2023 - 30 Haziran 2024 Dönemine Ait Gelir Tablosu"])).toBe("06-30");
  });

  it("prefers a year-end phrase to another date in the headings", () => {
    expect(inferYearEnd(["Approved by the board on 10 May 2024", "for the year ended 31 October 2024"])).toBe(
      "10-31",
    );
  });

  it("is undefined without a date", () => {
    expect(inferYearEnd(["Bilanço", "Bin TL"])).toBeUndefined();
    expect(inferYearEnd([])).toBeUndefined();
  });
});

describe("inferYearEnd on scans", () => {
  it("takes no year end from a day no year ends on (a stamp, or '31' lost to OCR)", () => {
    expect(inferYearEnd(["For the Years Ended December 4!"])).toBeUndefined();
    expect(inferYearEnd(["RECEIVED 14.04.2022"])).toBeUndefined();
  });

  it("keeps 52-53-week year ends near a month's end", () => {
    expect(inferYearEnd(["Years ended September 28"])).toBe("09-28");
    expect(inferYearEnd(["For the year ended 2 July"])).toBe("07-02");
  });
});

describe("a spelled month with a day past its end (OCR's 30 read as 36)", () => {
  it("is the month's last day, with a confidence that asks for a look", () => {
    const label = parsePeriodLabel("September 36, 2021");
    expect(label?.end).toBe("2021-09-30");
    expect(label?.confidence).toBeLessThan(0.9);
    expect(parsePeriodLabel("38 Haziran 2024")?.end).toBe("2024-06-30");
    expect(inferYearEnd(["Years ended September 36"])).toBe("09-30");
  });

  it("leaves real dates and days far past any month alone", () => {
    expect(parsePeriodLabel("September 30, 2021")?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(parsePeriodLabel("September 30, 2021")?.end).toBe("2021-09-30");
    expect(parsePeriodLabel("31.02.2024")?.end).not.toBe("2024-02-29");
  });
});

describe("a month name OCR misread", () => {
  it("reads 'Tune' and 'lune' as June, as a scan of a US balance sheet printed them", () => {
    expect(parsePeriodLabel("Tune 30, 2024")?.end).toBe("2024-06-30");
    expect(parsePeriodLabel("lune 30, 2022")?.end).toBe("2022-06-30");
    expect(inferYearEnd(["As of Tune 30"])).toBe("06-30");
  });

  it("reads a long month name with two letters misread, and no ordinary word as a month", () => {
    expect(parsePeriodLabel("Sentemher 30, 2023")?.end).toBe("2023-09-30");
    expect(inferYearEnd(["As of Sentemher 30,"])).toBe("09-30");
    expect(parsePeriodLabel("Nnvember 30, 2023")?.end).toBe("2023-11-30");
    // Same length and ending as "december", another first letter: not a month.
    expect(foldKeepingPunctuation("remember 30, 2023")).toBe("remember 30, 2023");
    expect(inferYearEnd(["As of Number 30"])).toBeUndefined();
  });
});

describe("a two-line heading OCR read out of order", () => {
  // "Years ended September 30," over "2023 2022": OCR gave the words back as
  // "Years September ended 30, 2023 2022", and the columns as "September ended 2023" / "30, 2022".
  it("still finds the year end", () => {
    expect(inferYearEnd(["Years September ended 30, 2023 2022"])).toBe("09-30");
    expect(inferYearEnd(["For the years June ended 30"])).toBe("06-30");
  });

  it("ends a column naming a month and a year, not side by side, at that month's end", () => {
    const label = parsePeriodLabel("September ended 2023");
    expect(label?.end).toBe("2023-09-30");
    expect(label?.confidence).toBeLessThan(0.9);
    expect(parsePeriodLabel("30, 2022", { fiscalYearEnd: "09-30" })?.end).toBe("2022-09-30");
  });

  it("does not take a month from a word that only contains one", () => {
    expect(parsePeriodLabel("Mayıs ayı sonu 2024")?.end).toBe("2024-05-31");
    expect(parsePeriodLabel("Summary 2024")?.end).toBe("2024-12-31");
  });
});
