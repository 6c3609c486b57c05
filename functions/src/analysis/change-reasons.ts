/**
 * Why a material movement of a line item matters, by item and direction, in the words an
 * auditor would use in a management letter. Directions are in magnitude for cost lines.
 */
import type { CanonicalKey } from "../pipeline/types";

type Bilingual = { tr: string; en: string };
type Direction = "up" | "down";

const REASONS: Partial<Record<CanonicalKey, Partial<Record<Direction, Bilingual>>>> = {
  cash_and_equivalents: {
    down: {
      tr: "likidite azaldı; nakdin nereye kullanıldığı incelenmeli",
      en: "liquidity has shrunk; check what the cash was used for",
    },
    up: {
      tr: "nakit birikti; atıl mı yoksa yeni borçlanmadan mı geldiği incelenmeli",
      en: "cash has built up; check whether it is idle or comes from new borrowing",
    },
  },
  trade_receivables: {
    up: {
      tr: "tahsil edilmemiş satışlar arttı; tahsilat yavaşlıyor ve nakit alacaklara bağlanıyor olabilir",
      en: "more sales are uncollected; collections may be slowing and tying up cash",
    },
  },
  inventories: {
    up: {
      tr: "stoklar birikiyor; nakit bağlanıyor ve stok değer kaybı riski artıyor",
      en: "stock is building up, tying up cash and raising the risk of obsolescence",
    },
  },
  short_term_borrowings: {
    up: {
      tr: "kısa vadeli mali borçlar arttı; yıl içinde yeniden finansman ve faiz baskısı artıyor",
      en: "short-term financial debt has grown, adding refinancing and interest pressure within the year",
    },
  },
  long_term_borrowings: {
    up: {
      tr: "uzun vadeli mali borçlar arttı; gelecekteki faiz ve anapara yükü artıyor",
      en: "long-term financial debt has grown, adding to future interest and repayments",
    },
  },
  trade_payables: {
    up: {
      tr: "şirket tedarikçi kredisine daha fazla dayanıyor; vadesi geçmiş borç olup olmadığı incelenmeli",
      en: "the company is leaning more on supplier credit; check for overdue payments",
    },
  },
  total_equity: {
    down: {
      tr: "özkaynaklar eridi; zararlara karşı tampon zayıfladı",
      en: "equity has eroded, weakening the buffer against losses",
    },
  },
  total_assets: {
    up: {
      tr: "bilanço önemli ölçüde büyüdü; büyümenin nasıl finanse edildiği incelenmeli",
      en: "the balance sheet has grown materially; check how the growth was financed",
    },
    down: {
      tr: "bilanço önemli ölçüde küçüldü; varlık satışı veya değer düşüklüğü olup olmadığı incelenmeli",
      en: "the balance sheet has shrunk materially; check for disposals or impairments",
    },
  },
  revenue: {
    up: {
      tr: "satışlar büyüdü; alacak, stok ve maliyetlerin buna uygun seyrettiği kontrol edilmeli",
      en: "sales have grown; receivables, stock and costs should be checked against the growth",
    },
    down: {
      tr: "satışlar daraldı; marjlar ve sabit giderlerin karşılanması baskı altında",
      en: "sales have shrunk, putting pressure on margins and on covering fixed costs",
    },
  },
  cost_of_sales: {
    up: {
      tr: "satışların maliyeti arttı; brüt marjın korunup korunmadığı satış artışıyla karşılaştırılmalı",
      en: "cost of sales has grown; compare it with revenue to see whether the gross margin holds",
    },
  },
  operating_expenses: {
    up: {
      tr: "faaliyet giderleri arttı; satışlarla orantılı olup olmadığı kontrol edilmeli",
      en: "operating expenses have grown; check that they follow revenue",
    },
  },
  finance_expense: {
    up: {
      tr: "faiz yükü arttı; faiz karşılama oranı düşüyor",
      en: "the interest burden has grown, lowering interest coverage",
    },
  },
  operating_profit: {
    down: {
      tr: "esas faaliyetlerden elde edilen kâr düştü",
      en: "profit from the core business has fallen",
    },
  },
  net_income: {
    down: {
      tr: "dönem kârı düştü; özkaynak artışı ve kâr dağıtım kapasitesi azalıyor",
      en: "profit for the period has fallen, reducing equity growth and the capacity to pay dividends",
    },
  },
  property_plant_equipment: {
    up: {
      tr: "maddi duran varlık yatırımı yapıldı; finansmanı ve kapasite kullanımı incelenmeli",
      en: "the company has invested in fixed assets; check how they were financed and whether capacity is used",
    },
  },
  total_current_liabilities: {
    up: {
      tr: "bir yıl içinde ödenecek yükümlülükler arttı; likidite buna göre izlenmeli",
      en: "obligations due within a year have grown; liquidity must keep pace",
    },
  },
  total_liabilities: {
    up: {
      tr: "toplam borçluluk arttı; özkaynaklara göre seyri izlenmeli",
      en: "total indebtedness has grown; watch it against equity",
    },
  },
  sales_deductions: {
    up: {
      tr: "iade ve iskontolar arttı; fiyatlama ve müşteri kalitesi incelenmeli",
      en: "returns and discounts have grown; check pricing and customer quality",
    },
  },
};

const PROFIT_IMPROVED: Bilingual = {
  tr: "kârlılık iyileşti; artışın tek seferlik kalemlerden değil faaliyetlerden geldiği teyit edilmeli",
  en: "profit has improved; confirm that the improvement comes from operations rather than one-off items",
};

const PROFIT_FELL: Bilingual = {
  tr: "kâr düştü; nedeninin satış, maliyet veya finansman kaynaklı olduğu incelenmeli",
  en: "profit has fallen; find out whether sales, costs or financing drove it",
};

const PROFIT_KEYS: ReadonlySet<string> = new Set<CanonicalKey>([
  "gross_profit",
  "operating_profit",
  "profit_before_tax",
  "net_income",
  "current_year_profit",
]);

const GENERIC: Bilingual = {
  tr: "önemli bir kalemde bu büyüklükte bir değişimin açıklaması olmalı",
  en: "a change of this size in a material item should be explained",
};

export function changeReason(key: string, direction: Direction): Bilingual {
  const specific = REASONS[key as CanonicalKey]?.[direction];
  if (specific) return specific;
  if (PROFIT_KEYS.has(key)) return direction === "up" ? PROFIT_IMPROVED : PROFIT_FELL;
  return GENERIC;
}
