// The PeerPath block: the widget, drawn on the page by the plugin (render_callback); the editor
// shows where it goes, and its language in the block's settings.
(function (blocks, element, blockEditor, components) {
  var el = element.createElement;
  blocks.registerBlockType('peerpath/widget', {
    apiVersion: 2,
    title: 'PeerPath',
    description: 'The PeerPath questionnaire and resource finder.',
    icon: 'heart',
    category: 'widgets',
    keywords: ['recovery', 'screening', 'meetings'],
    supports: { html: false, multiple: false },
    attributes: { lang: { type: 'string', default: '' }, isolated: { type: 'boolean', default: false } },
    edit: function (props) {
      return el('div', blockEditor.useBlockProps({ className: 'peerpath-block' }),
        el(blockEditor.InspectorControls, null,
          el(components.PanelBody, { title: 'PeerPath' },
            el(components.SelectControl, {
              label: 'Language',
              help: 'The visitor can still change it in the widget.',
              value: props.attributes.lang,
              options: [
                { label: 'The visitor\'s browser language', value: '' },
                { label: 'English', value: 'en' },
                { label: 'Spanish (Español)', value: 'es' },
              ],
              onChange: function (lang) { props.setAttributes({ lang: lang }); },
            }),
            el(components.ToggleControl, {
              label: 'Isolated',
              help: 'Runs the widget in a frame from your isolated host (Settings > PeerPath), out of reach of this site\'s scripts.',
              checked: props.attributes.isolated,
              onChange: function (isolated) { props.setAttributes({ isolated: isolated }); },
            }))),
        el('p', null, 'PeerPath: the questionnaire shows here on the page.'));
    },
    save: function () { return null; },
  });
}(window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components));
