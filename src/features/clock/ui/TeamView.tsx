import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { TeamRow, TeamView as TeamViewData } from "..";
import { formatDuration } from "@domain/clock/clockText";
import { formatDay } from "@shell/dates";

const BARS: { state: "overdue" | "due-soon" | "waiting" | "answered"; label: string }[] = [
  { state: "overdue", label: "Overdue" },
  { state: "due-soon", label: "Due soon" },
  { state: "waiting", label: "Waiting" },
  { state: "answered", label: "Answered" },
];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { marginBottom: tokens.spacingVerticalS },
  text: { fill: tokens.colorNeutralForeground1 },
  // One colour per state, named as BARS names the states.
  overdue: { fill: tokens.colorPaletteRedBackground3 },
  "due-soon": { fill: tokens.colorPaletteDarkOrangeBackground3 },
  waiting: { fill: tokens.colorPaletteYellowBackground3 },
  answered: { fill: tokens.colorPaletteGreenBackground3 },
});

/** Counts by state as inline SVG bars; each bar carries its number as text, so the chart reads without colour. */
function Bars({ row, max }: { row: TeamRow; max: number }) {
  const styles = useStyles();
  const h = 16;
  return (
    <svg
      role="img"
      aria-label={`${row.label}: ${BARS.map((b) => `${row.stats.counts[b.state]} ${b.label.toLowerCase()}`).join(", ")}`}
      width="100%"
      height={BARS.length * (h + 2)}
      viewBox={`0 0 200 ${BARS.length * (h + 2)}`}
      preserveAspectRatio="none"
    >
      {BARS.map((b, i) => {
        const n = row.stats.counts[b.state];
        const w = max ? Math.max(n ? 2 : 0, (n / max) * 120) : 0;
        return (
          <g key={b.state} transform={`translate(0 ${i * (h + 2)})`}>
            <text x="0" y={h - 4} fontSize="11" className={styles.text}>
              {b.label}
            </text>
            <rect x="62" y="1" width={w} height={h - 2} className={styles[b.state]} />
            <text x={66 + w} y={h - 4} fontSize="11" className={styles.text}>
              {n}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Rows({ title, rows }: { title: string; rows: readonly TeamRow[] }) {
  const styles = useStyles();
  const max = Math.max(0, ...rows.flatMap((r) => BARS.map((b) => r.stats.counts[b.state])));
  return (
    <div>
      <Subtitle2 as="h4" block>
        {title}
      </Subtitle2>
      {rows.length === 0 ? <Caption1 block>No client email in this period.</Caption1> : null}
      {rows.map((r) => (
        <div key={r.key} data-testid="team-row" className={styles.row}>
          <Caption1 block>
            <strong>{r.label}</strong>
          </Caption1>
          <Bars row={r} max={max} />
          <Caption1 block>
            Median response: {r.stats.medianResponseMinutes === null ? "none answered" : formatDuration(r.stats.medianResponseMinutes)} ·
            Answered within the reply time:{" "}
            {r.stats.shareWithinSla === null ? "not known yet" : `${Math.round(r.stats.shareWithinSla * 100)}%`}
          </Caption1>
        </div>
      ))}
    </div>
  );
}

/**
 * The partner's team view: per watched mailbox and per responsible attorney. It says plainly which period the
 * figures cover, since the list beside it keeps to the (usually shorter) scan window.
 */
export function TeamView({ team, windowDays }: { team: TeamViewData; windowDays: number }) {
  const styles = useStyles();
  return (
    <section aria-label="Team view" data-testid="team-view" className={styles.root}>
      <Caption1 block data-testid="team-period">
        Figures cover client email received {formatDay(team.from)} – {formatDay(team.to)} (the last {team.days} days): {team.messages}{" "}
        {team.messages === 1 ? "message" : "messages"}.
        {windowDays !== team.days
          ? ` Overdue, due soon and waiting count the emails in the list below (the last ${windowDays} days), snoozed ones too.`
          : ""}
      </Caption1>
      <Rows title="By mailbox" rows={team.byMailbox} />
      <Rows title="By attorney" rows={team.byAttorney} />
    </section>
  );
}
