import { dictionary, type LabelEntry } from "./label-dictionary";
import { ENGLISH_INCOME_STATEMENT_LABELS } from "./labels-en-income";

const { line, part, total, sided, heading, unmapped, subtotal } = dictionary("en");

const ASSET_SIDES = {
  current_assets: "other_current_assets",
  non_current_assets: "other_non_current_assets",
} as const;
const LIABILITY_SIDES = {
  current_liabilities: "other_current_liabilities",
  non_current_liabilities: "other_non_current_liabilities",
} as const;
const BORROWING_SIDES = {
  current_liabilities: "short_term_borrowings",
  non_current_liabilities: "long_term_borrowings",
} as const;
const DEFERRED_TAX_SIDES = { ...ASSET_SIDES, ...LIABILITY_SIDES } as const;

/** English balance-sheet wording: IFRS, US GAAP and UK FRS 102 (small-company formats). */
const BALANCE_SHEET: LabelEntry[] = [
  heading(undefined, ["Assets"], { side: "assets" }),
  heading(undefined, ["Liabilities"], { key: "total_liabilities", side: "liabilities_and_equity" }),
  heading(
    undefined,
    [
      "Equity and liabilities",
      "Liabilities and equity",
      "Liabilities and stockholders' equity",
      "Liabilities and shareholders' equity",
      "Liabilities and stockholders' deficit",
    ],
    { side: "liabilities_and_equity" },
  ),
  heading("current_assets", ["Current assets"], { key: "total_current_assets" }),
  // Indian "Sources / Application of funds" balance sheets (pre-Schedule III).
  heading("current_assets", ["Current assets, loans and advances"], { key: "total_current_assets" }),
  heading("current_liabilities", ["Current liabilities and provisions"], {
    key: "total_current_liabilities",
  }),
  heading("equity", ["Shareholders' funds", "Shareholders funds"], { key: "total_equity" }),
  heading(undefined, ["Sources of funds"], { side: "liabilities_and_equity" }),
  heading(undefined, ["Application of funds"], { side: "assets" }),
  heading(
    "non_current_assets",
    ["Non-current assets", "Fixed assets", "Noncurrent assets", "Long-term assets"],
    {
      key: "total_non_current_assets",
    },
  ),
  heading("current_liabilities", ["Current liabilities"], { key: "total_current_liabilities" }),
  heading(
    "non_current_liabilities",
    ["Non-current liabilities", "Noncurrent liabilities", "Long-term liabilities"],
    {
      key: "total_non_current_liabilities",
    },
  ),
  heading(
    "equity",
    ["Equity", "Stockholders' equity", "Shareholders' equity", "Capital and reserves", "Owners' equity"],
    {
      key: "total_equity",
    },
  ),
  heading(undefined, ["Commitments and contingencies", "Commitments and contingent liabilities"]),

  total("total_current_assets", ["Total current assets"]),
  total("total_non_current_assets", [
    "Total non-current assets",
    "Total noncurrent assets",
    "Total fixed assets",
  ]),
  total("total_assets", ["Total assets"]),
  total("total_current_liabilities", ["Total current liabilities"]),
  total("total_non_current_liabilities", [
    "Total non-current liabilities",
    "Total noncurrent liabilities",
    "Total long-term liabilities",
  ]),
  total("total_liabilities", ["Total liabilities"]),
  total("total_equity", [
    "Total equity",
    "Total stockholders' equity",
    "Total shareholders' equity",
    "Total owners' equity",
    "Shareholders' funds",
    "Total shareholders' funds",
    "Total capital and reserves",
  ]),
  total("total_liabilities_and_equity", [
    "Total liabilities and equity",
    "Total equity and liabilities",
    "Total liabilities and stockholders' equity",
    "Total liabilities and shareholders' equity",
    "Total liabilities and owners' equity",
  ]),
  subtotal(undefined, ["Subtotal", "Sub-total", "Total", "Grand total"]),
  subtotal(undefined, ["Net current assets", "Net current assets (liabilities)", "Net current liabilities"], {
    statement: "balance_sheet",
  }),
  subtotal(undefined, ["Total assets less current liabilities"], { statement: "balance_sheet" }),
  {
    ...subtotal(undefined, ["Net assets", "Net liabilities", "Net assets (liabilities)"], {
      equals: "total_equity",
      statement: "balance_sheet",
    }),
    kind: "total",
  },
  subtotal("equity", [
    "Equity attributable to owners of the parent",
    "Equity attributable to owners of the company",
    "Equity attributable to equity holders of the parent",
  ]),

  line("cash_and_equivalents", [
    "Cash and cash equivalents",
    "Cash and equivalents",
    "Cash",
    "Cash at bank and in hand",
    "Cash and bank balances",
    "Cash at bank",
  ]),
  line("short_term_investments", ["Short-term investments", "Marketable securities", "Current investments"]),
  sided({ current_assets: "short_term_investments", non_current_assets: "other_non_current_assets" }, [
    "Investments",
    "Financial assets",
    "Other financial assets",
  ]),
  line("trade_receivables", [
    "Trade receivables",
    "Trade and other receivables",
    "Accounts receivable",
    "Receivables",
    "Trade debtors",
    "Accounts receivable, less allowance",
    "Sundry debtors",
  ]),
  sided(
    { current_assets: "trade_receivables", non_current_assets: "other_non_current_assets" },
    ["Debtors"],
    {
      usual: "trade_receivables",
      cap: 0.85,
    },
  ),
  line("other_non_current_assets", ["Debtors: amounts falling due after more than one year"]),
  sided(
    { current_assets: "other_receivables", non_current_assets: "other_non_current_assets" },
    ["Other receivables"],
    {
      usual: "other_receivables",
    },
  ),
  line("inventories", ["Inventories", "Inventory", "Stocks", "Stock"]),
  line("prepaid_expenses", ["Prepaid expenses", "Prepayments", "Prepayments and accrued income"]),
  line("other_current_assets", [
    "Prepaid expenses and other current assets",
    "Other current assets",
    "Current tax assets",
    "Income tax receivable",
    "Assets held for sale",
    "Assets classified as held for sale",
  ]),
  line("property_plant_equipment", [
    "Property, plant and equipment",
    "Tangible assets",
    "Tangible fixed assets",
    "Plant and equipment",
    "Property and equipment",
  ]),
  line("intangible_assets", [
    "Intangible assets",
    "Intangible fixed assets",
    "Goodwill and intangible assets",
    "Goodwill and other intangible assets",
  ]),
  part("intangible_assets", ["Goodwill", "Trademarks", "Other intangible assets", "Brands"]),
  line("other_non_current_assets", [
    "Right-of-use assets",
    "Operating lease right-of-use assets",
    "Investment property",
    "Investments in associates",
    "Investments held as fixed assets",
    "Deferred tax assets",
    "Other non-current assets",
    "Other noncurrent assets",
  ]),
  sided(ASSET_SIDES, ["Other assets"]),
  sided(DEFERRED_TAX_SIDES, ["Deferred income taxes", "Deferred taxes", "Deferred tax"]),

  line("short_term_borrowings", [
    "Short-term borrowings",
    "Short-term debt",
    "Bank overdrafts",
    "Notes and loans payable",
    "Notes payable",
    "Commercial paper",
  ]),
  part("short_term_borrowings", [
    "Current portion of long-term debt",
    "Current maturities of long-term debt",
    "Current portion of borrowings",
    "Current portion of long-term borrowings",
  ]),
  sided(BORROWING_SIDES, [
    "Borrowings",
    "Loans and borrowings",
    "Interest-bearing loans and borrowings",
    "Bank loans",
  ]),
  sided(BORROWING_SIDES, ["Lease liabilities", "Finance lease liabilities"], { part: true }),
  line("long_term_borrowings", ["Long-term debt", "Long-term borrowings", "Non-current borrowings"]),
  line("trade_payables", [
    "Trade payables",
    "Trade and other payables",
    "Accounts payable",
    "Accounts payable and accrued liabilities",
    "Accounts payable and accrued expenses",
    "Trade creditors",
    "Sundry creditors",
  ]),
  total("total_current_liabilities", [
    "Creditors: amounts falling due within one year",
    "Creditors falling due within one year",
  ]),
  line("other_non_current_liabilities", [
    "Creditors: amounts falling due after more than one year",
    "Creditors: amounts falling due after one year",
    "Creditors falling due after more than one year",
    "Provisions for liabilities",
    "Provisions for liabilities and charges",
    "Deferred tax liabilities",
    "Long-term operating lease liabilities",
    "Other non-current liabilities",
    "Other noncurrent liabilities",
    "Long-term provisions",
  ]),
  line("other_current_liabilities", [
    "Current operating lease liabilities",
    "Accrued liabilities",
    "Accrued expenses",
    "Current tax liabilities",
    "Income taxes payable",
    "Current tax payable",
    "Income tax payable",
    "Other current liabilities",
    "Short-term provisions",
  ]),
  sided(LIABILITY_SIDES, [
    "Other liabilities",
    "Provisions",
    "Accruals and deferred income",
    "Deferred income",
    "Other payables",
  ]),

  line("share_capital", [
    "Share capital",
    "Issued capital",
    "Called up share capital",
    "Common stock",
    "Ordinary shares",
    "Capital stock",
    "Share capital and share premium",
    "Subscribed and paid-up",
    "Subscribed and paid-up capital",
    "Issued and paid-up capital",
    "Paid-up capital",
    "Equity share capital",
    "Stated capital",
  ]),
  // A bare "Capital" is share capital only among the equity lines ("Capital work-in-progress"
  // is an asset, and OCR may cut it short).
  sided({ equity: "share_capital", non_current_assets: null, current_assets: null }, ["Capital"], {
    cap: 0.85,
  }),
  line("retained_earnings", [
    "Retained earnings",
    "Retained earnings (accumulated deficit)",
    "Accumulated deficit",
    "Retained profits",
    "Retained earnings (deficit)",
    // Ghanaian statements call retained earnings the income surplus.
    "Income surplus",
  ]),
  line("retained_earnings", ["Profit and loss account", "Profit and loss reserve"], {
    statement: "balance_sheet",
    section: "equity",
  }),
  unmapped("equity", ["Treasury shares", "Treasury stock", "Own shares"], { contra: true }),
  unmapped("equity", [
    "Preferred stock",
    "Additional paid-in capital",
    "Share premium",
    "Share premium account",
    "Revaluation reserve",
    "Capital redemption reserve",
    "Redemption reserve",
    "Other reserves",
    "Reserves",
    "Accumulated other comprehensive income",
    "Accumulated other comprehensive loss",
    "Accumulated other comprehensive net income",
    "Non-controlling interests",
    "Noncontrolling interests",
    "Minority interests",
    "Minority interest",
    "Reserves and surplus",
    "Other equity",
    "Cash flow hedge reserve",
    "Cash flow hedging reserve",
    "Hedging reserve",
    "Foreign currency translation reserve",
    "Translation reserve",
    "Share option reserve",
    "Share-based payment reserve",
    "Fair value reserve",
    "Distributable reserve",
    "Non-distributable reserve",
    "Capital reserve",
    "Statutory reserve",
    "Capital surplus",
  ]),
  // Net-assets totals: never total assets, whatever their wording says.
  subtotal(undefined, ["Total funds employed", "Capital employed", "Net current assets"], {
    statement: "balance_sheet",
  }),
];

export const ENGLISH_LABELS: readonly LabelEntry[] = [...BALANCE_SHEET, ...ENGLISH_INCOME_STATEMENT_LABELS];
