import type { HallConfig, HallEvent } from '@hallq/shared/contracts';
import type { HallStore } from '../store/hall-store';
import { type AppointmentCodeOptions, Appointments } from './appointments';
import { FollowUps } from './follow-ups';
import { GuideCalls } from './guide-calls';
import { GuideDesk } from './guide-desk';
import { HallDay } from './hall-day';
import { IdCards } from './id-cards';
import { RatingExports } from './rating-export';
import { RatingUploader } from './rating-upload';
import { Ratings } from './ratings';
import { Reports } from './reports';
import { StateChanges } from './state-changes';
import { Tickets } from './tickets';
import { Windows } from './windows';
import { WritePipeline } from './write-pipeline';
import { type HallLog, stderrLog } from '../log/logger';
import { CatalogueImport } from '../settings/catalogue-import';
import { HallSettings } from '../settings/hall-settings';
import { openSettings } from '../settings/settings-start';

export interface HallServicesOptions {
  /** The hall file as read: the settings start from it (`openSettings`), the console's later versions over it. */
  hall: HallConfig;
  store: HallStore;
  clock: () => Date;
  /** Receives every event after its write has committed, in order, with the time of the change. */
  publish: (events: HallEvent[], at: Date) => void;
  /** The report worker's priority (lowest by default, so a report takes only what the hall leaves idle). */
  reportsNice?: number;
  /** How appointment codes are drawn; tests give a small code space. */
  appointmentCodes?: AppointmentCodeOptions;
  /** Where the background work (expiries, the rating upload) tells its failures (stderr when not under a server). */
  log?: HallLog;
}

/** The hall's services, wired around one write pipeline and one day in memory. */
export interface HallServices {
  /** Today's state, which holds the settings in force (`today.hall`). */
  today: HallDay;
  settings: HallSettings;
  catalogue: CatalogueImport;
  pipeline: WritePipeline;
  tickets: Tickets;
  appointments: Appointments;
  idCards: IdCards;
  windows: Windows;
  ratings: Ratings;
  ratingExports: RatingExports;
  ratingUploader: RatingUploader;
  followUps: FollowUps;
  guideCalls: GuideCalls;
  guideDesk: GuideDesk;
  reports: Reports;
  /** Stops the timers and waits for the work under way, so nothing writes after the database closes. */
  close(): Promise<void>;
}

/**
 * Builds the services: today's state first (loaded from the database), the pipeline that writes through it, then
 * the features. After each commit the group's events get the queue figures they changed and go out; a commit that
 * failed reloads the day.
 */
export function createHallServices({
  hall,
  store,
  clock,
  publish,
  appointmentCodes,
  reportsNice,
  log,
}: HallServicesOptions): HallServices {
  const opened = openSettings(store, hall, clock(), log ?? stderrLog);
  const today = new HallDay({ hall: opened.hall, hallVersion: opened.version.version, store, clock });
  const pipeline = new WritePipeline({
    store,
    clock,
    dayOf: (now) => today.dayOf(now),
    afterCommit: (events, now) => publish(today.withDerivedEvents(events, now), now),
  });
  pipeline.onCommitFailed((now) => today.reload(now));
  const changes = new StateChanges(store, today);
  const idCards = new IdCards(store);
  const appointments = new Appointments(store, today, pipeline, idCards, appointmentCodes);
  const followUps = new FollowUps(store, today, pipeline);
  const ratingExports = new RatingExports(store, today);
  const ratingUploader = new RatingUploader(store, hall, ratingExports, clock, log);
  const ratings = new Ratings(store, today, pipeline, followUps, ratingUploader, log);
  const reports = new Reports(store.databasePath, today, reportsNice);
  const settings = new HallSettings(store, today, pipeline, opened.version);
  return {
    today,
    settings,
    catalogue: new CatalogueImport(settings, today),
    pipeline,
    tickets: new Tickets(store, today, pipeline, changes, appointments, idCards),
    appointments,
    idCards,
    windows: new Windows(store, today, pipeline, changes, ratings),
    ratings,
    ratingExports,
    ratingUploader,
    followUps,
    guideCalls: new GuideCalls(store, today, pipeline),
    guideDesk: new GuideDesk(store, today),
    reports,
    close: async () => {
      await reports.close();
      // The sender last: it may be waiting on the province, and is cut off (its rating stays queued).
      await ratings.close();
      await ratingUploader.close();
    },
  };
}
