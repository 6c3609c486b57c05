import type { CanonicalKey, StatementType } from "../types";
import { naturalSignOf, type Section } from "./canonical-keys";
import { THP_ACCOUNTS } from "./chart-of-accounts";
import type { LabelEntry, LabelKind } from "./label-dictionary";
import { THP_BALANCE_SHEET_OUTLINE, THP_INCOME_STATEMENT_OUTLINE } from "./thp-outline";
import { foldForMatching } from "./turkish-text";

/** One printed THP name in one place of the plan, before names shared between places merge. */
interface Placement {
  name: string;
  statement: StatementType;
  section?: Section;
  key?: CanonicalKey;
  kind: LabelKind;
  part: boolean;
  contra: boolean;
}

function fromPlan(): Placement[] {
  // "6 Gelir Tablosu" is the statement's title, not a line.
  return THP_ACCOUNTS.filter((a) => a.code !== "6").map((a) => ({
    name: a.name,
    statement: a.statement,
    section: a.section,
    key: a.key,
    kind: a.level === "class" ? "heading" : "line",
    part: a.level === "account",
    contra: a.contra,
  }));
}

function fromOutline(): Placement[] {
  return [...THP_BALANCE_SHEET_OUTLINE, ...THP_INCOME_STATEMENT_OUTLINE].map((l) => ({
    name: l.name,
    statement: l.statement,
    section: l.section,
    key: l.key,
    kind:
      l.level === "class"
        ? "heading"
        : l.level === "grand_total"
          ? "total"
          : l.level === "result"
            ? "subtotal"
            : "line",
    part: false,
    contra: l.naturalSign === -1 && l.key !== undefined && naturalSignOf(l.key) === 1,
  }));
}

const KIND_RANK: Record<LabelKind, number> = { heading: 3, total: 2, subtotal: 1, line: 0 };

/** Names shared by several places ("Alıcılar" is 120 and 220) become one section-aware entry. */
function merge(placements: Placement[]): LabelEntry {
  const first = placements[0] as Placement;
  const kind = placements.reduce<LabelKind>(
    (k, p) => (KIND_RANK[p.kind] > KIND_RANK[k] ? p.kind : k),
    "line",
  );
  const part = placements.every((p) => p.part);
  const contra = placements.some((p) => p.contra);
  const bySection: Partial<Record<Section, CanonicalKey | null>> = {};
  for (const p of placements) {
    if (!p.section) continue;
    const seen = bySection[p.section];
    // 257, 268 and 299 are all "Birikmiş Amortismanlar (-)": the name alone cannot tell them apart.
    bySection[p.section] = seen === undefined || seen === p.key ? (p.key ?? null) : null;
  }
  const sections = Object.keys(bySection) as Section[];
  const base: LabelEntry = {
    phrases: [first.name],
    statement: first.statement,
    kind,
    part: part || undefined,
    contra: contra || undefined,
    origin: "thp",
    // A single account name ("Kasa", "Diğer Gelirler") is a weaker signal than a group name.
    cap: part ? 0.85 : undefined,
  };
  if (kind === "heading") {
    const section = first.section;
    return { ...base, key: first.key, section, opensSection: section };
  }
  if (sections.length <= 1) {
    const only = sections[0];
    return { ...base, key: (only ? bySection[only] : first.key) ?? undefined, section: only };
  }
  return { ...base, bySection };
}

function buildThpLabels(): LabelEntry[] {
  const groups = new Map<string, Placement[]>();
  for (const p of [...fromPlan(), ...fromOutline()]) {
    const id = `${p.statement}|${foldForMatching(p.name.replace(/\(-\)/g, ""))}`;
    groups.set(id, [...(groups.get(id) ?? []), p]);
  }
  return [...groups.values()].map(merge);
}

/** Every class, group and account name of the THP plan and its printed outline, as label entries. */
export const THP_LABELS: readonly LabelEntry[] = buildThpLabels();
