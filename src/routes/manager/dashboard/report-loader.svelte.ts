// The dashboard's last answer, kept in memory while the page is open: a failed refresh (offline) leaves the last
// figures on screen, marked stale, instead of blanking them. The SQL figures arrive first; the timeline figures
// follow in the background and never hold the rest back.
import { pb } from '$lib/client/pb';
import { mergeTimelineFigures } from '$lib/client/dashboard/overview';
import { coversTimelines, loadDashboard, loadTimelineFigures, type DashboardData, type DashboardQuery } from '$lib/client/dashboard/load-report';

export type LoadStatus = 'loading' | 'ready' | 'failed' | 'forbidden';
/** The timeline figures: on their way, in, left out for a long period, or failed (the SQL figures still stand). */
export type TimelineStatus = 'loading' | 'ready' | 'skipped' | 'failed';

export class ReportLoader {
  #data = $state<DashboardData | null>(null);
  #status = $state<LoadStatus>('loading');
  #timelines = $state<TimelineStatus>('loading');
  #latest = 0;

  get data(): DashboardData | null {
    return this.#data;
  }

  get status(): LoadStatus {
    return this.#status;
  }

  get timelines(): TimelineStatus {
    return this.#timelines;
  }

  async load(query: DashboardQuery): Promise<void> {
    // Filters change faster than answers come back: only the newest request may write its answer.
    const ticket = ++this.#latest;
    this.#status = 'loading';
    this.#timelines = 'loading';
    let data: DashboardData;
    try {
      data = await loadDashboard(pb, query);
      if (ticket !== this.#latest) return;
      this.#data = data;
      this.#status = 'ready';
    } catch (error) {
      if (ticket !== this.#latest) return;
      this.#status = (error as { status?: number }).status === 403 ? 'forbidden' : 'failed';
      this.#timelines = 'failed';
      return;
    }
    if (!coversTimelines(query)) {
      this.#timelines = 'skipped';
      return;
    }
    try {
      const full = await loadTimelineFigures(pb, query);
      if (ticket !== this.#latest) return;
      this.#data = { ...data, report: mergeTimelineFigures(data.report, full) };
      this.#timelines = 'ready';
    } catch {
      if (ticket === this.#latest) this.#timelines = 'failed';
    }
  }
}
