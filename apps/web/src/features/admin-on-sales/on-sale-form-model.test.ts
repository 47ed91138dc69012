import type { AdminOnSaleWindow } from '@tessera/contracts/on-sales';
import { describe, expect, it } from 'vitest';
import {
  buildScheduleInput,
  buildUpdateChanges,
  defaultOnSaleForm,
  fromOnSaleWindow,
  fromServerFieldErrors,
  parseLocalInput,
  toLocalInput,
  type OnSaleFormState,
  withField,
} from './on-sale-form-model.ts';

const EVENT_ID = '7d3f6a52-2d5e-4c1a-9a43-0e0f4b1c2d3e';
const NOW = new Date(2030, 5, 1, 10, 20).getTime();

const form = (overrides: Partial<OnSaleFormState> = {}): OnSaleFormState => ({
  ...defaultOnSaleForm(NOW),
  ...overrides,
});

const openWindow = (overrides: Partial<AdminOnSaleWindow> = {}): AdminOnSaleWindow => ({
  id: '0b8e1c8e-58a9-4d8c-bd4e-8ef1f6a0c001',
  eventId: EVENT_ID,
  name: 'General sale',
  startsAt: new Date(2030, 5, 1, 11, 0).toISOString(),
  endsAt: new Date(2030, 5, 1, 13, 0).toISOString(),
  presaleCode: null,
  waitingRoomEnabled: true,
  preQueueOpensAt: new Date(2030, 5, 1, 10, 30).toISOString(),
  admissionMode: 'PACE',
  admissionRatePerMinute: 300,
  maxActiveShoppers: null,
  shopperSessionSeconds: 600,
  perFanSeatLimit: 6,
  graceSeconds: 60,
  status: 'OPEN',
  lotteryCommitment: null,
  lotterySeed: null,
  ...overrides,
});

describe('defaultOnSaleForm', () => {
  it('starts a two-hour paced general sale at the next full hour, pre-queue half an hour before', () => {
    const state = defaultOnSaleForm(NOW);
    expect(state.startsAt).toBe('2030-06-01T11:00');
    expect(state.endsAt).toBe('2030-06-01T13:00');
    expect(state.preQueueOpensAt).toBe('2030-06-01T10:30');
    expect(buildScheduleInput(state, EVENT_ID).errors).toBeNull();
  });
});

describe('withField', () => {
  const MIN = 60_000;
  const start = Date.parse('2026-12-01T10:00:00Z');

  it('moves a default pre-queue and end along with a new start', () => {
    const state = {
      ...defaultOnSaleForm(start - 10 * MIN),
      startsAt: toLocalInput(start),
      preQueueOpensAt: toLocalInput(start - 30 * MIN),
      endsAt: toLocalInput(start + 120 * MIN),
    };
    const moved = withField(state, 'startsAt', toLocalInput(start - 45 * MIN));
    expect(moved.startsAt).toBe(toLocalInput(start - 45 * MIN));
    expect(moved.preQueueOpensAt).toBe(toLocalInput(start - 75 * MIN));
    expect(moved.endsAt).toBe(toLocalInput(start + 75 * MIN));
  });

  it('leaves times the admin chose where they are', () => {
    const state = {
      ...defaultOnSaleForm(start - 10 * MIN),
      startsAt: toLocalInput(start),
      preQueueOpensAt: toLocalInput(start - 5 * MIN),
      endsAt: toLocalInput(start + 300 * MIN),
    };
    const moved = withField(state, 'startsAt', toLocalInput(start + 60 * MIN));
    expect(moved.preQueueOpensAt).toBe(toLocalInput(start - 5 * MIN));
    expect(moved.endsAt).toBe(toLocalInput(start + 300 * MIN));
    expect(withField(state, 'name', 'Presale')).toEqual({ ...state, name: 'Presale' });
  });
});

describe('local date-time inputs', () => {
  it('round-trip through the browser time zone and refuse what is not a date', () => {
    const ms = new Date(2030, 0, 2, 3, 4).getTime();
    expect(parseLocalInput(toLocalInput(ms))?.getTime()).toBe(ms);
    expect(parseLocalInput('')).toBeNull();
    expect(parseLocalInput('tomorrow')).toBeNull();
  });
});

describe('buildScheduleInput', () => {
  it('sends times as ISO instants, minutes as seconds and an empty code as no presale', () => {
    const built = buildScheduleInput(
      form({ shopperSessionMinutes: '15', presaleCode: ' ' }),
      EVENT_ID,
    );
    expect(built.input).toMatchObject({
      eventId: EVENT_ID,
      startsAt: new Date(2030, 5, 1, 11, 0).toISOString(),
      shopperSessionSeconds: 900,
      graceSeconds: 60,
      presaleCode: null,
      admissionRatePerMinute: 300,
      maxActiveShoppers: null,
    });
  });

  it('puts each rule broken beside its field', () => {
    const built = buildScheduleInput(
      form({
        name: ' ',
        endsAt: '2030-06-01T10:00',
        preQueueOpensAt: '2030-06-01T12:00',
        admissionRatePerMinute: '',
        perFanSeatLimit: '2.5',
        presaleCode: 'no',
      }),
      EVENT_ID,
    );
    expect(built.errors).toEqual({
      name: 'Give the window a name.',
      endsAt: 'The window must end after it starts.',
      preQueueOpensAt: 'The pre-queue must open before the window starts.',
      admissionRatePerMinute: 'A paced waiting room needs fans per minute.',
      perFanSeatLimit: 'Enter a whole number.',
      presaleCode: 'Use 4 to 40 letters, digits or dashes.',
    });
  });

  it('drops the settings a window without a waiting room does not use', () => {
    const built = buildScheduleInput(
      form({
        waitingRoomEnabled: false,
        admissionRatePerMinute: '',
        preQueueOpensAt: '2030-06-01T12:00',
      }),
      EVENT_ID,
    );
    expect(built.input).toMatchObject({
      waitingRoomEnabled: false,
      preQueueOpensAt: null,
      admissionRatePerMinute: null,
    });
  });

  it('needs the cap in CAP mode and keeps the pace optional when inventory-aware', () => {
    expect(buildScheduleInput(form({ admissionMode: 'CAP' }), EVENT_ID).errors).toEqual({
      maxActiveShoppers: 'A capped waiting room needs the most shoppers at once.',
    });
    const inventory = buildScheduleInput(
      form({ admissionMode: 'INVENTORY', admissionRatePerMinute: '' }),
      EVENT_ID,
    );
    expect(inventory.input).toMatchObject({
      admissionMode: 'INVENTORY',
      admissionRatePerMinute: null,
    });
  });
});

describe('buildUpdateChanges', () => {
  it('sends only what changed', () => {
    const window = openWindow();
    const built = buildUpdateChanges(
      { ...fromOnSaleWindow(window), admissionRatePerMinute: '450', endsAt: '2030-06-01T14:00' },
      window,
    );
    expect(built.input).toEqual({
      admissionRatePerMinute: 450,
      endsAt: new Date(2030, 5, 1, 14, 0).toISOString(),
    });
  });

  it('never sends a setting fixed once the window has started', () => {
    const window = openWindow();
    const state = {
      ...fromOnSaleWindow(window),
      startsAt: '2030-06-01T11:30',
      perFanSeatLimit: '4',
    };
    expect(buildUpdateChanges(state, window).input).toEqual({ perFanSeatLimit: 4 });
    expect(buildUpdateChanges(state, openWindow({ status: 'SCHEDULED' })).input).toEqual({
      startsAt: new Date(2030, 5, 1, 11, 30).toISOString(),
      perFanSeatLimit: 4,
    });
  });

  it('says so when nothing changed', () => {
    const window = openWindow();
    expect(buildUpdateChanges(fromOnSaleWindow(window), window).errors).toEqual({
      form: 'Nothing changed: edit a setting first.',
    });
  });
});

describe('fromServerFieldErrors', () => {
  it('maps schedule and update paths to the form fields', () => {
    expect(
      fromServerFieldErrors({
        endsAt: 'The sale must end by the time the event starts.',
        'changes.shopperSessionSeconds': 'A shopper session lasts at least 60 seconds.',
        eventId: 'Unknown event.',
      }),
    ).toEqual({
      endsAt: 'The sale must end by the time the event starts.',
      shopperSessionMinutes: 'A shopper session lasts at least 60 seconds.',
      form: 'Unknown event.',
    });
  });
});
