// `make release`: the files a center installs, in release/ (distribution.md), from dist/:
//
//   peerpath-V.zip   the widget's files, an example config, docs/ (the config reference, every
//                    catalog id with its English and Spanish names, embedding, the CSP line;
//                    and for the center's staff: privacy-policy text, an accessibility
//                    statement, a clinical summary of every question and rule with its source,
//                    updating, the changelog, security), LICENSE and a README.txt of one screen;
//   peerpath-V.tgz   the same as an npm package, with `peerpath-check` and `peerpath-sync-feed`
//                    (Node.js only, through the scoring API module);
//   peerpath-wp-V.zip  the WordPress plugin (wordpress/peerpath/ and the widget's files).
//
// Neither needs Rust, cargo or a build: a center copies the files, or installs the package.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...path) => join(root, ...path);
const cargo = await readFile(at('Cargo.toml'), 'utf8');
const version = cargo.match(/^version = "(.+)"$/m)[1];
/**
 * Where to report a security or safety problem, as the maintainers name it (Cargo.toml,
 * `[package.metadata.peerpath]`), in words for the release's README.txt, docs/SECURITY.md and the
 * plugin's readme.txt; a release without one says so rather than point nowhere.
 */
const securityContact = cargo.match(/^security-contact = "(.*)"$/m)?.[1] ?? '';
const reportTo = securityContact || 'whoever gave you PeerPath; its maintainers have not named a security contact for this release yet';
if (!securityContact) console.warn('make release: no security-contact in Cargo.toml ([package.metadata.peerpath]); the release says none is named');
const stage = at('target', 'release-stage');
const out = at('release');
await rm(stage, { recursive: true, force: true });
await mkdir(out, { recursive: true });

/** The `g.<id>.name` lines of a language's table: every catalog id with its name. */
async function catalogNames(lang) {
  const names = new Map();
  for (const line of (await readFile(at('src', 'strings', `${lang}.txt`), 'utf8')).split('\n')) {
    const m = line.match(/^g\.([a-z0-9_]+)\.name = (.*)$/);
    if (m) names.set(m[1], m[2]);
  }
  return names;
}

const [english, spanish] = [await catalogNames('en'), await catalogNames('es')];

/** The instrument a question comes from, by its id, as CLINICAL.md cites it; PeerPath's own otherwise. */
const INSTRUMENTS = [
  [/^auditc_/, 'AUDIT-C (Bush et al., Arch Intern Med 1998)'],
  [/^phq2_/, 'PHQ-2 (Kroenke, Spitzer & Williams, Med Care 2003)'],
  [/^gad2_/, 'GAD-2 (Kroenke et al., Ann Intern Med 2007)'],
  [/^self_harm$/, 'PHQ-9 item 9 (Kroenke, Spitzer & Williams, J Gen Intern Med 2001)'],
  [/^barc_/, 'BARC-10 (Vilsaint et al., Drug Alcohol Depend 2017)'],
];
/** Asked only by the scoring API's full profile, not by the widget (tools/languages.py, FULL_RESULT_ONLY). */
const PROFILE_ONLY = /^(importance|confidence|barc_\d+)$/;

/**
 * The clinical director's summary: every question the widget asks, by section, with its answers
 * and the instrument it comes from (from the scoring API module itself, so it is the
 * questionnaire that ships), then every rule with its source (CLINICAL.md, from "Safety rules").
 */
async function clinicalSummary() {
  const api = await import(at('dist', 'api', 'peerpath.js'));
  await api.default({ module_or_path: await readFile(at('dist', 'api', 'peerpath_bg.wasm')) });
  const { sections, items } = api.questionnaire('en');
  const clinical = await readFile(at('CLINICAL.md'), 'utf8');
  const lines = [`# PeerPath ${version}: a summary for the clinical director`, '',
    'What PeerPath asks a visitor and what it does with the answers. It never diagnoses: it suggests peer-support groups and aftercare, and shows crisis lines the moment an answer calls for them. Nothing a visitor answers leaves their device. A skipped question is unknown, never a sign that all is well.', '',
    '## The questions', '',
    'By part of the questionnaire (the order within a visit is under "Where safety sits in the questionnaire", below). Each says whom it is asked of: a visitor asking for themselves, or for someone they care about. A question may be skipped unless it is marked required by the flow.', ''];
  for (const section of sections) {
    const asked = items.filter((item) => item.section === section.id && !PROFILE_ONLY.test(item.id));
    if (!asked.length) continue;
    lines.push(`### ${section.title}`, '');
    for (const item of asked) {
      const instrument = INSTRUMENTS.find(([pattern]) => pattern.test(item.id))?.[1] ?? 'PeerPath (screening.md)';
      const paths = item.paths.map((path) => (path === 'self' ? 'for themselves' : 'for someone they care about')).join(', ');
      lines.push(`- **${item.text}** (\`${item.id}\`; ${instrument}; ${paths}${item.optional ? '; optional' : ''})`);
      if (item.options?.length) lines.push(`  Answers: ${item.options.map((o) => o.label).join(' / ')}.`);
    }
    lines.push('');
  }
  lines.push('## The rules and their sources', '', 'From CLINICAL.md, the document a clinician reviews (with the code and test references a developer needs).', '');
  lines.push(clinical.slice(clinical.indexOf('## Safety rules')).replace(/^## /gm, '### '));
  return lines.join('\n');
}
const summary = await clinicalSummary();
const example = JSON.parse(await readFile(at('www', 'center.json'), 'utf8'));
delete example.embed_origins; // the demo's own hosts; a center lists its own

/**
 * README.md's "Theming" (the config's `theme`, every custom property and every part: its tables
 * are checked against the code by tests/js/brand-docs.test.mjs), as the center's "Your brand".
 */
const readmeMd = await readFile(at('README.md'), 'utf8');
const theming = readmeMd.match(/\*\*Theming\.\*\* ([\s\S]*?)\n+## /)?.[1];
if (!theming) throw new Error('README.md: no "**Theming.**" paragraph before the next section');

const docs = `# PeerPath ${version}: the center's reference

## Put it on your site

Copy this folder to your site, for example to \`/peerpath/\`, then add to the page:

\`\`\`html
<script type="module" src="/peerpath/peer-path.js"></script>
<link rel="preload" href="/peerpath/peer-path.css" as="style">
<link rel="modulepreload" href="/peerpath/pkg/peerpath.js">
<peer-path config="/peerpath/center.json">
  <p>Call us at (555) 0100. In a crisis, call or text 988.</p>
</peer-path>
\`\`\`

The element's own content shows while the widget loads and whenever it cannot run: put your
phone number there. Nothing a visitor answers leaves their device.

**Isolated mode** (when your page runs analytics or other third-party scripts): serve this folder
from another origin than your page (a subdomain), and embed it with

\`\`\`html
<script src="https://help.example.org/peerpath/peer-path-frame.js" defer></script>
<peer-path-frame config="center.json" lang="en">Call us: 555-0100</peer-path-frame>
\`\`\`

List your page's origin in the config (\`"embed_origins": ["https://www.example.org"]\`) and send
\`Content-Security-Policy: frame-ancestors 'self' https://www.example.org\` with \`embed.html\`.

**Content-Security-Policy** for pages that set one: the widget needs
\`default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'\`.

## Your brand

${theming}

## For your staff

- **Privacy officer**: docs/PRIVACY.md, text to paste into your privacy policy (the WordPress
  plugin adds it to Settings > Privacy > Policy Guide) and docs/SECURITY.md, what the widget
  promises and how each promise is tested.
- **Accessibility reviewer**: docs/ACCESSIBILITY.md, a statement you may publish.
- **Clinical director**: docs/CLINICAL-SUMMARY.md, every question and rule with its source.
- **Whoever updates the site**: docs/UPDATING.md and docs/CHANGELOG.md.

## The config (center.json)

The easiest way to write it: open \`configure.html\` from this folder on your site, fill in the
form (each field is checked as you type, with a preview of the widget), and download the file.
It can open an existing \`center.json\` to change it. \`center.example.json\` is a complete
example. Fields:

| field | what it is |
| --- | --- |
| \`center.name\` | required: your center's name |
| \`center.phone\`, \`center.text\` | admissions phone and text line: call and text buttons on the result |
| \`center.crisis_phone\` | shown beside 988 and 911 on every screen |
| \`center.url\`, \`center.hours\` | your contact page and opening hours |
| \`center.timezone\` | the IANA name of the zone your schedules are in, such as \`America/Los_Angeles\` |
| \`center.address\`, \`center.lat\`, \`center.lon\` | where your center is: the meeting list's copy keeps meetings near here |
| \`feed_radius_miles\` | how far from your center the copy keeps meetings (50 if not set) |
| \`theme\` | your brand: \`{"accent": "#1d5c4d", "font": "inherit", "scheme": "auto"}\` (accent of buttons and links; \`inherit\` for your page's font; \`light\`, \`dark\` or \`auto\`, as your page is) |
| \`quick_exit_url\` | where "Exit this page" goes (an \`https://\` page) |
| \`languages\` | the languages offered, first is the default: \`["en", "es"]\` |
| \`hide\` | catalog ids (below) your center does not suggest |
| \`resources\` | your programs and the groups you list (below) |
| \`meeting_guide\` / \`meeting_guide_url\` | Meeting Guide entries inline, or a feed on your own site (keep a copy of another site's feed with \`peerpath-sync-feed\`) |
| \`embed_origins\` | the sites that embed the widget in isolated mode |

A resource: \`id\` (unique), \`name\` and \`kind\` (a catalog id) are required; then
\`description\`, \`format\` (\`in_person\`, \`online\`, \`hybrid\`), \`schedule\`
(\`[{"day": 2, "start": "19:00", "end": "20:30"}]\`, days 0 = Sunday to 6 = Saturday, 24-hour
times), \`languages\`, \`audience\` (\`women\`, \`men\`, \`lgbtq\`, \`young_adults\`, \`veterans\`,
\`family\`), \`approach\` (\`spiritual\`, \`secular\`, \`faith\`, \`mindfulness\`), \`address\`,
\`lat\`, \`lon\`, \`url\`, \`phone\`, \`cost\` (\`free\`, \`sliding_scale\`, \`insurance\`),
\`accessible\`, \`center_program\` (\`true\` when your center runs it: "Run by" your center; the
others say "Listed by"), \`i18n\` (\`{"es": {"name": "...", "description": "..."}}\`).

Check a config before you publish it, with Node.js and the release's npm package
(\`npm install ./peerpath-${version}.tgz\`, then \`npx peerpath-check center.json [meetings.json]\`),
or in configure.html, which opens a config and shows each problem beside its field. Every problem
is named by its place in the file; the widget uses the rest.

## Catalog ids (\`kind\`, \`hide\`)

| id | English | Spanish |
| --- | --- | --- |
${[...english].map(([id, name]) => `| \`${id}\` | ${name} | ${spanish.get(id) ?? ''} |`).join('\n')}
`;

const readme = `PeerPath ${version}: a self-screening and recovery resource finder for your website.

1. Copy this folder, peerpath/, to your site as it is (the lines below say /peerpath/).
2. Open /peerpath/configure.html on your site: fill in the form (it checks every field and shows
   the widget as visitors will see it), download center.json and put it in the same folder.
   (Or copy center.example.json to center.json and edit it by hand.)
3. Add the script tag and the <peer-path> element to a page (docs/README.md, "Put it on your site").
4. Check your config: open it in configure.html, or with Node.js and peerpath-${version}.tgz:
   npm install ./peerpath-${version}.tgz, then npx peerpath-check center.json. The browser
   console on your page also names every problem by its place in the file.

Nothing a visitor answers leaves their device. For your privacy policy, accessibility statement
and clinical director: docs/PRIVACY.md, docs/ACCESSIBILITY.md, docs/CLINICAL-SUMMARY.md. Updating:
docs/UPDATING.md (what changed: docs/CHANGELOG.md). Reporting a security or safety problem: privately, to
${reportTo} (docs/SECURITY.md).
`;

/** PeerPath is offered under the MIT license or the Apache License 2.0, at the user's option. */
const license = `PeerPath is offered under the MIT license (LICENSE-MIT) or the Apache License 2.0
(LICENSE-APACHE), at your option.
`;

/** The widget's files and the center's docs into `dir`. */
async function widgetFiles(dir) {
  await cp(at('dist'), dir, { recursive: true });
  await mkdir(join(dir, 'docs'), { recursive: true });
  await writeFile(join(dir, 'docs', 'README.md'), docs);
  // For the center's staff: the privacy officer, the accessibility reviewer, the clinical director.
  for (const file of await readdir(at('docs', 'center'))) await cp(at('docs', 'center', file), join(dir, 'docs', file));
  await writeFile(join(dir, 'docs', 'CLINICAL-SUMMARY.md'), summary);
  await cp(at('CHANGELOG.md'), join(dir, 'docs', 'CHANGELOG.md'));
  const security = await readFile(at('SECURITY.md'), 'utf8');
  const reporting = 'Please report privately, not in a public issue, to the maintainers\' security contact:\n`security-contact` in Cargo.toml (a release\'s README.txt and docs/SECURITY.md give it).';
  if (!security.includes(reporting)) throw new Error('SECURITY.md: "Reporting a problem" no longer says where the contact is named');
  await writeFile(join(dir, 'docs', 'SECURITY.md'), security.replace(reporting, `Please report privately, not in a public issue, to ${reportTo}.`));
  await writeFile(join(dir, 'center.example.json'), `${JSON.stringify(example, null, 2)}\n`);
  await writeFile(join(dir, 'README.txt'), readme);
  await writeFile(join(dir, 'LICENSE'), license);
  for (const file of ['LICENSE-MIT', 'LICENSE-APACHE']) await cp(at(file), join(dir, file));
}

// The zip: one folder, peerpath/, the name every snippet uses (/peerpath/peer-path.js), so it
// unpacks ready to copy as it is; the version is in the zip's name and in README.txt.
const name = `peerpath-${version}`;
await widgetFiles(join(stage, 'peerpath'));
const zip = join(out, `${name}.zip`);
await rm(zip, { force: true });
execFileSync('python3', ['-m', 'zipfile', '-c', zip, join(stage, 'peerpath')]);

// The npm package: the same files, and the two commands.
const npm = join(stage, 'npm');
await widgetFiles(npm);
await cp(at('tools', 'npm', 'bin'), join(npm, 'bin'), { recursive: true });
await cp(at('tools', 'npm', 'lib'), join(npm, 'lib'), { recursive: true });
await writeFile(join(npm, 'package.json'), `${JSON.stringify({
  name: 'peerpath',
  version,
  description: 'Anonymous self-screening and recovery resource finder for treatment centers\' websites; nothing a visitor answers leaves the device',
  license: 'MIT OR Apache-2.0',
  type: 'module',
  bin: { 'peerpath-check': 'bin/peerpath-check.mjs', 'peerpath-sync-feed': 'bin/peerpath-sync-feed.mjs' },
  engines: { node: '>=18' },
  files: (await readdir(npm)).filter((f) => f !== 'package.json'),
}, null, 2)}\n`);
execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: npm, stdio: ['ignore', 'ignore', 'inherit'] });

// The WordPress plugin: peerpath/, its PHP and block script, and the widget's files in widget/.
const wp = join(stage, 'wp', 'peerpath');
await cp(at('wordpress', 'peerpath'), wp, { recursive: true });
const readmeTxt = await readFile(join(wp, 'readme.txt'), 'utf8');
const seeSecurity = 'see "Reporting a problem" in widget/docs/SECURITY.md, in the plugin\'s folder.';
if (!readmeTxt.includes(seeSecurity)) throw new Error('wordpress/peerpath/readme.txt: its security answer changed; say where the contact goes');
await writeFile(join(wp, 'readme.txt'), readmeTxt.replace(seeSecurity, `report it privately to ${reportTo} (widget/docs/SECURITY.md, in the plugin's folder, says more).`));
await widgetFiles(join(wp, 'widget'));
const wpZip = join(out, `peerpath-wp-${version}.zip`);
await rm(wpZip, { force: true });
execFileSync('python3', ['-m', 'zipfile', '-c', wpZip, wp]);
console.log(`release/: ${name}.zip, ${name}.tgz, peerpath-wp-${version}.zip`);
