import { holdLevel, lapseLocalText, timeLeftText, windowText } from '../../../../shared/hold-windows';
import type { CaptureRow } from '../../../../shared/captures';

/** The queue's shared tones: amber is a warning, red is late; a lapsed hold has its own look. */
const TONE = { ok: 'due-ok', amber: 'due-warn', red: 'due-late', lapsed: 'hold-lapsed' } as const;
const LEVEL_WORDS = { ok: '', amber: 'under 48 hours left', red: 'under 24 hours left', lapsed: 'lapsed' } as const;

/**
 * Time left before a hold lapses ("2 d 4 h"), amber under 48 h and red under 24 h. Hover shows the lapse as a date and
 * time in the operator's time zone and the hold window the countdown uses (its label from Settings › Captures), as
 * the cell's title: a tooltip drawn inside the cell was cut to a sliver by the cell's own clipping. Screen readers get
 * the same words as the timer's description.
 */
export function HoldCountdown({ row, now }: { row: CaptureRow; now: number }) {
  const level = holdLevel(row.lapsesAt, now);
  const left = timeLeftText(row.lapsesAt, now);
  const when = lapseLocalText(row.lapsesAt);
  const tipId = `lapse-${row.tid}`;
  const tip = `${level === 'lapsed' ? 'Lapsed' : 'Lapses'} ${when} · window: ${windowText(row.holdWindow)}`;
  return (
    <span
      className={`due ${TONE[level]}`}
      title={tip}
      role="timer"
      aria-label={`Time left before the hold lapses: ${left}${LEVEL_WORDS[level] ? ` (${LEVEL_WORDS[level]})` : ''}`}
      tabIndex={0}
      aria-describedby={tipId}
    >
      {left}
      {level !== 'ok' && level !== 'lapsed' && <span className="visually-hidden"> ({LEVEL_WORDS[level]})</span>}
      <span className="visually-hidden" role="tooltip" id={tipId}>
        {tip}
      </span>
    </span>
  );
}
