// A Meeting Guide feed trimmed to what a center's widget needs (distribution.md v3, "Big feeds,
// small copies"): an intergroup's feed of thousands of meetings (several MB) becomes a copy of
// the meetings within the center's radius, online meetings in the center's languages, and only
// the fields the widget reads, so the copy stays well under the widget's 2 MiB bound. A BMLT
// server's meetings are read as Meeting Guide entries first (`fromBmlt`). The WordPress plugin
// does the same in PHP; a test keeps their tables equal.

/** The fields of a meeting the widget reads (src/center/meeting_guide.rs); the copy keeps only these. */
export const MEETING_FIELDS = [
  'name', 'slug', 'day', 'time', 'end_time', 'types', 'location', 'formatted_address', 'address', 'city',
  'latitude', 'longitude', 'approximate', 'conference_url', 'conference_phone', 'timezone',
];

/** How far the copy keeps meetings when the config does not say (center-config.md). */
export const DEFAULT_RADIUS_MILES = 50;

/** Meeting Guide's language type codes as language tags; kept equal to meeting_guide.rs by a test. */
export const LANGUAGE_CODES = {
  AM: 'am', ASL: 'ase', DA: 'da', DE: 'de', EL: 'el', EN: 'en', FA: 'fa', FR: 'fr', HE: 'he', HI: 'hi', HR: 'hr',
  HU: 'hu', ITA: 'it', JA: 'ja', KOR: 'ko', LT: 'lt', ML: 'ml', NO: 'no', POL: 'pl', POR: 'pt', PUN: 'pa', RUS: 'ru',
  S: 'es', SK: 'sk', SV: 'sv', TH: 'th', TL: 'tl', UK: 'uk',
};

const EARTH_RADIUS_MILES = 3958.8;

/** The great-circle distance in miles between two `{ lat, lon }` (haversine). */
export function miles(a, b) {
  const rad = (deg) => (deg * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

const types = (meeting) => (Array.isArray(meeting.types) ? meeting.types : []);

/** A meeting's languages as tags; Meeting Guide's default is English. */
function languagesOf(meeting) {
  const tags = types(meeting).filter((code) => Object.hasOwn(LANGUAGE_CODES, code)).map((code) => LANGUAGE_CODES[code]);
  return tags.length ? tags : ['en'];
}

/** Whether a visitor can join from anywhere, as the widget decides it. */
const isOnline = (meeting) => types(meeting).includes('ONL') || Boolean(meeting.conference_url) || Boolean(meeting.conference_phone);

/** A coordinate as a number (feeds give numbers or text such as "33.19"), or NaN. */
const coordinate = (value) => (typeof value === 'number' || (typeof value === 'string' && value.trim()) ? Number(value) : NaN);

/**
 * `feed` (a list of Meeting Guide meetings) trimmed for `config` (the center's, or undefined):
 * duplicates of a slug and entries that are not meetings left out, every meeting cut to
 * `MEETING_FIELDS`, and, when the config places the center (`center.lat`, `center.lon`), only
 * the meetings within `feed_radius_miles` of it and the online meetings in its `languages`
 * (those with neither a place nor a way to join online are left out). Returns the meetings and
 * how many were left out, by reason.
 */
export function trimFeed(feed, config) {
  const center = config?.center ?? {};
  const place = Number.isFinite(center.lat) && Number.isFinite(center.lon) ? { lat: center.lat, lon: center.lon } : null;
  const radius = Number.isFinite(config?.feed_radius_miles) ? config.feed_radius_miles : DEFAULT_RADIUS_MILES;
  const offered = Array.isArray(config?.languages) && config.languages.length
    ? config.languages.map((tag) => String(tag).split(/[-_]/)[0].toLowerCase())
    : ['en', 'es'];
  const left = { far: 0, unplaced: 0, duplicates: 0, notMeetings: 0 };
  const seen = new Set();
  const meetings = [];
  for (const meeting of feed) {
    if (!meeting || typeof meeting !== 'object' || Array.isArray(meeting)) {
      left.notMeetings++;
      continue;
    }
    const slug = typeof meeting.slug === 'string' || typeof meeting.slug === 'number' ? String(meeting.slug) : undefined;
    if (slug !== undefined && seen.has(slug)) {
      left.duplicates++;
      continue;
    }
    if (place) {
      const at = { lat: coordinate(meeting.latitude), lon: coordinate(meeting.longitude) };
      const located = Number.isFinite(at.lat) && Number.isFinite(at.lon);
      const near = located && miles(place, at) <= radius;
      const joinable = isOnline(meeting) && languagesOf(meeting).some((tag) => offered.includes(tag));
      if (!near && !joinable) {
        left[located ? 'far' : 'unplaced']++;
        continue;
      }
    }
    if (slug !== undefined) seen.add(slug);
    meetings.push(Object.fromEntries(MEETING_FIELDS.filter((field) => Object.hasOwn(meeting, field)).map((field) => [field, meeting[field]])));
  }
  return { meetings, left, place, radius };
}

/** BMLT's format keys, as Meeting Guide type codes where they mean the same. */
export const BMLT_FORMATS = { O: 'O', C: 'C', WC: 'X', VM: 'ONL', TC: 'TC', W: 'W', M: 'M', GL: 'LGBTQ', Y: 'Y', BT: 'B', ST: 'ST', D: 'D', SP: 'SP', ES: 'S', Sp: 'S' };

const hhmm = (time) => (typeof time === 'string' && /^\d{1,2}:\d{2}/.test(time) ? time.slice(0, 5).padStart(5, '0') : undefined);

/** One BMLT meeting as a Meeting Guide entry (BMLT's weekdays run 1 = Sunday to 7). */
export function fromBmlt(m) {
  const start = hhmm(m.start_time);
  let end;
  const duration = hhmm(m.duration_time);
  if (start && duration) {
    const minutes = (Number(start.slice(0, 2)) + Number(duration.slice(0, 2))) * 60 + Number(start.slice(3)) + Number(duration.slice(3));
    end = `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  const address = [m.location_street, m.location_municipality, m.location_province, m.location_postal_code_1].filter((p) => typeof p === 'string' && p.trim()).join(', ');
  // Own keys only: a format named `constructor` or `__proto__` is not one of them.
  const types = String(m.formats ?? '').split(',').map((f) => f.trim()).filter((f) => Object.hasOwn(BMLT_FORMATS, f)).map((f) => BMLT_FORMATS[f]);
  const entry = {
    name: m.meeting_name,
    slug: `bmlt-${m.id_bigint}`,
    day: Number(m.weekday_tinyint) - 1,
    time: start,
    end_time: end,
    location: m.location_text || undefined,
    formatted_address: address || undefined,
    latitude: m.latitude === undefined ? undefined : Number(m.latitude),
    longitude: m.longitude === undefined ? undefined : Number(m.longitude),
    conference_url: m.virtual_meeting_link || undefined,
    conference_phone: m.phone_meeting_number || undefined,
    timezone: m.time_zone || undefined,
    types,
  };
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}
