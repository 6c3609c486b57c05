import { describe, expect, it } from "vitest";
import { taxIdFrom } from "./tax-id";

describe("taxIdFrom", () => {
  it("reads a labelled Turkish tax number, MERSİS number or EIN", () => {
    expect(taxIdFrom(["ÖRNEK TİCARET A.Ş.", "Vergi Kimlik No: 1234567890"])).toBe("1234567890");
    expect(taxIdFrom(["V.K.N. 987 654 3210 Kadıköy V.D."])).toBe("9876543210");
    expect(taxIdFrom(["MERSİS No: 0123-4567-8901-2345"])).toBe("0123-4567-8901-2345");
    expect(taxIdFrom(["(I.R.S. Employer Identification No.) 31-0595760"])).toBe("31-0595760");
    expect(taxIdFrom(["Registered number", "00225951", "THE WINDSOR HALL LIMITED"])).toBe("00225951");
  });

  it("takes no unlabelled number and no label without a number", () => {
    expect(taxIdFrom(["31 Aralık 2024 Tarihli Bilanço", "Sayfa 1234567"])).toBeUndefined();
    expect(taxIdFrom(["Vergi Kimlik No:"])).toBeUndefined();
    expect(taxIdFrom(["Profit from continuing operations 1234567"])).toBeUndefined();
  });
});
