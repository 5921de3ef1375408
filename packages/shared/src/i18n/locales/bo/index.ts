import { staffConsole } from './console';
import { display } from './display';
import { guideDesk } from './guide-desk';
import { kiosk } from './kiosk';
import { notice } from './notice';
import { phone } from './phone';
import { rating } from './rating';
import { refusals } from './refusals';
import { settings } from './settings';

export const bo = { kiosk, phone, refusals, display, rating, console: staffConsole, guideDesk, notice, settings };
