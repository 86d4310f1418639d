// Engine demo: runs `evaluate` on sample answers in the browser. Everything is written with
// textContent; nothing is sent anywhere.
import init, { evaluate, version } from './api/peerpath.js';

const center = { name: 'Harbor Recovery Center', phone: '+1-555-0100', crisis_phone: '+1-555-0199' };
const samples = {
  'Early recovery, secular, evenings': {
    for_whom: 'self', age_group: '26_64', substances: ['alcohol'], auditc_1: 3, auditc_2: 2, auditc_3: 1,
    sex: 'female', last_use: 'past_month', phq2_1: 2, phq2_2: 1, stage: 'changing', goal: 'stop',
    treatment_history: ['residential'], housing: 'stable_sober', support: 'one_or_two',
    approach: 'secular', format: 'either', times: ['weekday_evening'], one_on_one: 'maybe',
  },
  'Daily opioid use, unstable housing': {
    for_whom: 'self', age_group: '18_25', substances: ['opioids'], use_freq_opioids: 'daily',
    last_use: 'today', dep_control: 'yes', dep_craving: 'yes', withdrawal: 'uncomfortable',
    overdose: 'yes', housing: 'unstable', medication: 'interested', approach: 'no_preference',
  },
  'A parent worried about their child': {
    for_whom: 'loved_one', lo_relationship: 'parent', lo_danger: 'no', substances: ['opioids', 'stimulants'],
    lo_stage: 'not_ready', lo_wants: ['learn_to_help', 'support_for_me'], phq2_1: 2, phq2_2: 2,
  },
};

const $ = (id) => document.getElementById(id);
const el = (tag, text, className) => {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
};

function show(result) {
  const out = $('result');
  out.replaceChildren();
  for (const notice of result.urgent) {
    const box = el('div', null, 'urgent');
    box.append(el('h3', notice.title), el('p', notice.text));
    const list = el('ul');
    for (const c of notice.contacts) list.append(el('li', `${c.label}: ${c.tel ?? c.sms ?? c.url}`));
    box.append(list);
    out.append(box);
  }
  const care = el('div', null, 'care');
  care.append(el('h3', result.care.title), el('p', result.care.text));
  out.append(care);
  for (const [title, list] of [['Peer support', result.groups], ['Aftercare and care', result.aftercare]]) {
    out.append(el('h3', title));
    const ol = el('ol');
    for (const s of list) {
      const li = el('li');
      li.append(el('strong', s.name), el('p', s.text));
      const why = el('ul');
      for (const r of s.reasons) why.append(el('li', r.text));
      li.append(why);
      ol.append(li);
    }
    out.append(ol);
  }
  out.append(el('p', result.not_diagnosis));
  $('json').textContent = JSON.stringify(result, null, 2);
}

function run() {
  $('status').textContent = '';
  try {
    show(evaluate(JSON.parse($('answers').value), { lang: 'en', config: { center } }));
  } catch (error) {
    $('status').textContent = error.code ? `${error.code} (${error.item}): ${error.message}` : String(error.message);
  }
}

await init();
for (const name of Object.keys(samples)) $('sample').append(new Option(name, name));
$('sample').addEventListener('change', () => {
  $('answers').value = JSON.stringify(samples[$('sample').value], null, 2);
  run();
});
$('run').addEventListener('click', run);
$('answers').value = JSON.stringify(samples[$('sample').value], null, 2);
run();
document.title += ` · engine ${version()}`;
