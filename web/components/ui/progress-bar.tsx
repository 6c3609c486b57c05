/** A labelled progress bar; `value` is 0..100, or undefined while the amount is unknown. */
export function ProgressBar({
  value,
  label,
  tone,
}: {
  value?: number;
  label: string;
  tone?: "busy" | "done" | "failed";
}) {
  const clamped = value === undefined ? undefined : Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      className={`progress progress--${tone ?? "busy"}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
    >
      <div
        className="progress__bar"
        style={{ width: `${clamped ?? 100}%` }}
        data-indeterminate={clamped === undefined}
      />
    </div>
  );
}
