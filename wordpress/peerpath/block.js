// The PeerPath block: the widget, drawn on the page by the plugin (render_callback); the editor
// shows where it goes.
(function (blocks, element) {
  blocks.registerBlockType('peerpath/widget', {
    apiVersion: 2,
    title: 'PeerPath',
    description: 'The PeerPath questionnaire and resource finder.',
    icon: 'heart',
    category: 'widgets',
    attributes: { lang: { type: 'string', default: '' } },
    edit: function () {
      return element.createElement('p', { className: 'peerpath-block' }, 'PeerPath: the questionnaire shows here on the page.');
    },
    save: function () { return null; },
  });
}(window.wp.blocks, window.wp.element));
