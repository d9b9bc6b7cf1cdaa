import { create } from 'zustand';
import type { AuditRowView, AuditVerifyResult } from '../../../shared/audit';
import type { WireError } from '../../../shared/errors';
import { callAudit } from '../api/audit';
import { downloadText } from '../components/download-text';
import { auditDraftProblem, auditFilterOf, EMPTY_AUDIT_FILTER, type AuditFilterDraft } from './audit-filter';

const PAGE = 500;
// Walking to a broken row deep in the log: larger pages, so even 100,000 rows are a few requests.
const SEEK_PAGE = 5_000;

// ---- state ----
export interface AuditState {
  draft: AuditFilterDraft;
  rows: AuditRowView[];
  total: number | null;
  nextBeforeSeq: number | null;
  operators: string[];
  actions: string[];
  loading: boolean;
  error: WireError | null;
  selectedSeq: number | null;
  /** The selected row's detail shows below the log; Esc closes it, Enter or a click opens it again. */
  detailOpen: boolean;
  verifying: boolean;
  verify: AuditVerifyResult | null;
  exporting: boolean;
  exportNote: string | null;
}

export const useAudit = create<AuditState>()(() => ({
  draft: EMPTY_AUDIT_FILTER,
  rows: [],
  total: null,
  nextBeforeSeq: null,
  operators: [],
  actions: [],
  loading: false,
  error: null,
  selectedSeq: null,
  detailOpen: true,
  verifying: false,
  verify: null,
  exporting: false,
  exportNote: null,
}));

// A newer load replaces an older one still in flight (typing in the filter).
let generation = 0;

async function loadFirst(): Promise<void> {
  const mine = ++generation;
  const problem = auditDraftProblem(useAudit.getState().draft);
  // Rows of an earlier filter would pass for this one's: none are shown until it is put right.
  if (problem)
    return useAudit.setState({
      loading: false,
      error: { code: 'VALIDATION', message: problem },
      rows: [],
      total: null,
      nextBeforeSeq: null,
    });
  useAudit.setState({ loading: true, error: null });
  const res = await callAudit('audit:list', { filter: auditFilterOf(useAudit.getState().draft), limit: PAGE });
  if (mine !== generation) return;
  if (!res.ok)
    return useAudit.setState({ loading: false, error: res.error, rows: [], total: null, nextBeforeSeq: null });
  useAudit.setState({
    loading: false,
    rows: res.data.rows,
    total: res.data.total,
    nextBeforeSeq: res.data.nextBeforeSeq,
    operators: res.data.operators,
    actions: res.data.actions,
  });
}

async function loadMore(limit = PAGE): Promise<void> {
  const { nextBeforeSeq, loading, draft } = useAudit.getState();
  if (nextBeforeSeq === null || loading) return;
  const mine = generation;
  useAudit.setState({ loading: true });
  const res = await callAudit('audit:list', { filter: auditFilterOf(draft), beforeSeq: nextBeforeSeq, limit });
  if (mine !== generation) return;
  if (!res.ok) return useAudit.setState({ loading: false, error: res.error });
  useAudit.setState((s) => ({
    loading: false,
    rows: [...s.rows, ...res.data.rows],
    nextBeforeSeq: res.data.nextBeforeSeq,
  }));
}

// ---- actions ----
export const auditActions = {
  load: loadFirst,
  loadMore: () => loadMore(),
  setFilter(patch: Partial<AuditFilterDraft>) {
    useAudit.setState((s) => ({ draft: { ...s.draft, ...patch }, exportNote: null }));
    void loadFirst();
  },
  clearFilter() {
    useAudit.setState({ draft: EMPTY_AUDIT_FILTER, exportNote: null });
    void loadFirst();
  },
  /** Moves the selection; an open detail follows it. */
  select: (seq: number | null) => useAudit.setState({ selectedSeq: seq }),
  openDetail: (seq: number) => useAudit.setState({ selectedSeq: seq, detailOpen: true }),
  closeDetail: () => useAudit.setState({ detailOpen: false }),
  async exportCsv() {
    useAudit.setState({ exporting: true, exportNote: null, error: null });
    const res = await callAudit('audit:export', { filter: auditFilterOf(useAudit.getState().draft) });
    if (!res.ok) return useAudit.setState({ exporting: false, error: res.error });
    downloadText(res.data.csv, `audit-${new Date().toISOString().slice(0, 10)}.csv`);
    useAudit.setState({
      exporting: false,
      exportNote: `Exported ${res.data.rows.toLocaleString('en-GB')} row${res.data.rows === 1 ? '' : 's'} as CSV.`,
    });
  },
  /** Checks the chain; a broken one clears the filter and walks to the first broken row, selected on screen. */
  async verify() {
    useAudit.setState({ verifying: true, verify: null, error: null });
    const res = await callAudit('audit:verify', {});
    if (!res.ok) return useAudit.setState({ verifying: false, error: res.error });
    useAudit.setState({ verifying: false, verify: res.data });
    if (res.data.ok) return;
    const broken = res.data.brokenAtSeq;
    useAudit.setState({ draft: EMPTY_AUDIT_FILTER });
    await loadFirst();
    while (!useAudit.getState().rows.some((r) => r.seq <= broken) && useAudit.getState().nextBeforeSeq !== null)
      await loadMore(SEEK_PAGE);
    // A deleted row is not there to select: the nearest older row that remains is.
    const at = useAudit.getState().rows.find((r) => r.seq <= broken);
    useAudit.setState({ selectedSeq: at?.seq ?? null, detailOpen: true });
  },
};
