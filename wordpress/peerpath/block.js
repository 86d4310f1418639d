// The PeerPath block: the widget, drawn on the page by the plugin (render_callback). In the
// editor it is the widget itself, with this site's config, so its language and brand (accent,
// font, light or dark) show as they are chosen in the block's settings.
(function (blocks, element, blockEditor, components) {
  var el = element.createElement;
  var settings = window.peerpathBlock || {};

  /** The block's brand as the widget's custom properties (empty: the config's theme, or the widget's own). */
  function themeStyle(attributes) {
    var style = {};
    if (/^#([0-9a-f]{3}){1,2}$/i.test(attributes.accent || '')) style['--pp-accent'] = attributes.accent;
    if (attributes.font) style['--pp-font'] = attributes.font;
    if (attributes.scheme === 'light' || attributes.scheme === 'dark') style.colorScheme = attributes.scheme;
    return style;
  }

  blocks.registerBlockType('peerpath/widget', {
    apiVersion: 2,
    title: 'PeerPath',
    description: 'The PeerPath questionnaire and resource finder.',
    icon: 'heart',
    category: 'widgets',
    keywords: ['recovery', 'screening', 'meetings'],
    supports: { html: false, multiple: false },
    attributes: {
      lang: { type: 'string', default: '' },
      isolated: { type: 'boolean', default: false },
      accent: { type: 'string', default: '' },
      font: { type: 'string', default: '' },
      scheme: { type: 'string', default: '' },
    },
    edit: function (props) {
      var a = props.attributes;
      var set = function (name) { return function (value) { var change = {}; change[name] = value; props.setAttributes(change); }; };
      var accentOk = a.accent === '' || /^#([0-9a-f]{3}){1,2}$/i.test(a.accent);
      return el('div', blockEditor.useBlockProps({ className: 'peerpath-block' }),
        el(blockEditor.InspectorControls, null,
          el(components.PanelBody, { title: 'PeerPath' },
            el(components.SelectControl, {
              label: 'Language',
              help: 'The visitor can still change it in the widget.',
              value: a.lang,
              options: [
                { label: 'The visitor\'s browser language', value: '' },
                { label: 'English', value: 'en' },
                { label: 'Spanish (Español)', value: 'es' },
              ],
              onChange: set('lang'),
            }),
            el(components.ToggleControl, {
              label: 'Isolated',
              help: 'Runs the widget in a frame from your isolated host (Settings > PeerPath), out of reach of this site\'s scripts.',
              checked: a.isolated,
              onChange: set('isolated'),
            })),
          el(components.PanelBody, { title: 'Brand' },
            el(components.TextControl, {
              label: 'Accent color',
              help: accentOk ? 'Such as #1d5c4d, dark enough for white text. Empty: your config\'s (Settings > PeerPath) or the widget\'s own.' : 'A color as # and six hexadecimal digits, such as #1d5c4d.',
              value: a.accent,
              onChange: set('accent'),
            }),
            el(components.TextControl, {
              label: 'Font',
              help: 'Such as Georgia, serif. Empty: your config\'s, or the phone\'s own (easiest to read).',
              value: a.font,
              onChange: set('font'),
            }),
            el(components.SelectControl, {
              label: 'Light or dark',
              value: a.scheme,
              options: [
                { label: 'As the page is', value: '' },
                { label: 'Always light', value: 'light' },
                { label: 'Always dark', value: 'dark' },
              ],
              onChange: set('scheme'),
            }))),
        a.isolated || !settings.configUrl
          ? el('p', null, 'PeerPath: the questionnaire shows here on the page.')
          : el('peer-path', { config: settings.configUrl, lang: a.lang || undefined, style: themeStyle(a) },
            el('p', null, 'PeerPath: the questionnaire shows here on the page.')));
    },
    save: function () { return null; },
  });
}(window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components));
