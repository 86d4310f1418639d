// A made-up Meeting Guide feed around the fictional Harbor Recovery Center (Oceanside, CA).
// `node tools/make-meetings.mjs` writes www/meetings.json (320 meetings) for the demo page and
// the tests; `makeMeetings(n)` gives any number, for the benchmark. Deterministic.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const names = ['Serenity', 'New Beginnings', 'Keep It Simple', 'Daily Reprieve', 'Harbor Lights', 'Pier Group',
  'Sunrise', 'Sundown', 'Easy Does It', 'One Day at a Time', 'Mission Hills', 'Tidewater', 'Back to Basics',
  'Happy Destiny', 'Came to Believe', 'Design for Living', 'Grupo Esperanza', 'Grupo Nueva Vida', 'Surf City',
  'Lighthouse', 'Freedom Hall', 'Promises', 'Step Sisters', 'Young & Sober', 'Rainbow Group', 'Open Door'];
const places = ['Alano Club', 'St. Mary\'s Hall', 'Community Center', 'Library Room B', 'Beach Chapel',
  'Veterans Hall', 'Fellowship Hall', 'Senior Center', 'Recovery Café'];
const streets = ['Pier View Way', 'Mission Ave', 'Coast Hwy', 'Oceanside Blvd', 'Vista Way', 'College Blvd',
  'Harbor Dr', 'Seagaze Dr', 'Canyon Dr'];
const times = ['06:30', '07:00', '08:00', '10:00', '12:00', '12:15', '17:30', '18:00', '18:30', '19:00', '19:30', '20:00', '21:00'];
const formats = [['D'], ['B'], ['SP'], ['ST'], ['BE'], ['MED'], ['12x12'], ['LIT']];

export function makeMeetings(count) {
let seed = 20261122;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const meetings = [];
for (let i = 0; i < count; i++) {
  const base = pick(names);
  const types = [random() < 0.7 ? 'O' : 'C', ...pick(formats)];
  if (base.startsWith('Grupo')) types.push('S');
  if (base === 'Step Sisters') types.push('W');
  if (base === 'Young & Sober') types.push('Y');
  if (base === 'Rainbow Group') types.push('LGBTQ');
  if (random() < 0.5) types.push('X');
  if (random() < 0.06) types.push('A');
  if (random() < 0.05) types.push('DD');
  if (random() < 0.08) types.push('M');
  const online = random() < 0.18;
  const hybrid = !online && random() < 0.1;
  const closed = !online && random() < 0.03;
  if (online) types.push('ONL');
  if (closed) types.push('TC');
  const day = random() < 0.12 ? [1, 2, 3, 4, 5] : Math.floor(random() * 7);
  const time = pick(times);
  const [h, m] = time.split(':').map(Number);
  const meeting = {
    name: base,
    slug: `${base.toLowerCase().replace(/[^a-z]+/g, '-')}-${i}`,
    day,
    time,
    end_time: `${String((h + 1) % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
    timezone: 'America/Los_Angeles',
    types,
    location: online ? 'Online' : pick(places),
    formatted_address: online ? 'Oceanside, CA, USA' : `${100 + Math.floor(random() * 3900)} ${pick(streets)}, Oceanside, CA 92054, USA`,
    region: pick(['Downtown', 'South O', 'Fire Mountain', 'Mission', 'Loma Alta']),
  };
  if (online) meeting.approximate = 'yes';
  else {
    meeting.latitude = Number((33.16 + random() * 0.1).toFixed(5));
    meeting.longitude = Number((-117.40 + random() * 0.12).toFixed(5));
  }
  if (online || hybrid) meeting.conference_url = `https://zoom.example/j/${1000000 + i}`;
  meetings.push(meeting);
}
return meetings;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const meetings = makeMeetings(320);
  await writeFile(new URL('../www/meetings.json', import.meta.url), `${JSON.stringify(meetings, null, 1)}\n`);
  console.log(`wrote www/meetings.json: ${meetings.length} meetings`);
}
