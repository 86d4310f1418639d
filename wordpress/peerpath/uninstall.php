<?php
// Removing the plugin removes what it stored: the config.
if (!defined('WP_UNINSTALL_PLUGIN')) {
    exit;
}
delete_option('peerpath_config');
delete_option('peerpath_feed_source');
delete_option('peerpath_feed');
delete_option('peerpath_feed_status');
delete_option('peerpath_isolated_host');
wp_clear_scheduled_hook('peerpath_sync_feed');
