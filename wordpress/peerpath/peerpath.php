<?php
/**
 * Plugin Name: PeerPath
 * Description: An anonymous self-screening and recovery resource finder for your visitors. Nothing a visitor answers leaves their device; this plugin serves the widget's files and your config, and never receives an answer.
 * Version: 0.1.0
 * Requires at least: 6.1
 * Requires PHP: 7.4
 * License: MIT OR Apache-2.0
 * Text Domain: peerpath
 *
 * Place the widget with the shortcode [peer_path] (attributes lang="en" or "es", isolated="1") or
 * the PeerPath block; set up your center under Settings > PeerPath, a form that checks every field
 * with the widget's own rules and shows the widget as visitors will see it.
 */

if (!defined('ABSPATH')) {
    exit;
}

const PEERPATH_VERSION = '0.1.0';
/** Where the config lives: one option, the JSON text the widget reads. */
const PEERPATH_OPTION = 'peerpath_config';
/** The widget reads at most this many bytes of config (center-config.md). */
const PEERPATH_MAX_BYTES = 2097152;
/** Another site's meeting list (a Meeting Guide feed) this site keeps a copy of. */
const PEERPATH_FEED_SOURCE = 'peerpath_feed_source';
/** The last good copy of it, served from this site. */
const PEERPATH_FEED = 'peerpath_feed';
/** How the last syncs went: `time` and `count` of the last copy kept, `tried` and `error` of the last try. */
const PEERPATH_FEED_STATUS = 'peerpath_feed_status';
/** How much of a source the sync reads: intergroup feeds run to several MB (distribution.md v3). */
const PEERPATH_SOURCE_MAX_BYTES = 52428800;
/** A copy older than this is stale: the admin is told, and Site Health says so. */
const PEERPATH_STALE_SECONDS = 2 * 86400;
/** How far the copy keeps meetings when the config does not say (center-config.md). */
const PEERPATH_DEFAULT_RADIUS_MILES = 50;
/**
 * Isolated mode's host: a folder on another origin (a subdomain the center controls) with the
 * widget's files and the config as center.json. The widget runs in a frame from there, so no
 * script of this site (analytics, pixels, session replay) can read an answer; a frame from this
 * site's own origin could be read by them, so there is no isolated mode without it.
 */
const PEERPATH_ISOLATED_HOST = 'peerpath_isolated_host';

/**
 * Text from the config as it may be printed: without the invisible characters that change the
 * direction of text, which could make a phone number read as another than the one dialled (the
 * widget removes them too).
 */
function peerpath_plain($text)
{
    return (string) preg_replace('/[\x{061C}\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}]/u', '', (string) $text);
}

/** A file of the widget (the release's dist/, in widget/). */
function peerpath_asset($path)
{
    return plugins_url('widget/' . $path, __FILE__);
}

/** The config the widget reads, from the site itself (a REST route, same origin). */
function peerpath_config_url()
{
    return rest_url('peerpath/v1/config');
}

// The admin's words in the site's (or the user's) language: languages/peerpath-<locale>.mo, made
// from the .po beside it by tools/wp-i18n.mjs (Spanish ships; peerpath.pot for others).
add_action('init', function () {
    load_plugin_textdomain('peerpath', false, dirname(plugin_basename(__FILE__)) . '/languages');
}, 0);

add_action('init', function () {
    wp_register_script('peerpath-widget', peerpath_asset('peer-path.js'), [], PEERPATH_VERSION, true);
    // In the editor the block is the widget itself (a live preview of its language and brand).
    wp_register_script('peerpath-block', plugins_url('block.js', __FILE__), ['wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'peerpath-widget'], PEERPATH_VERSION, false);
    wp_add_inline_script('peerpath-block', 'window.peerpathBlock = ' . wp_json_encode(['configUrl' => peerpath_config_url()], JSON_HEX_TAG | JSON_HEX_AMP) . ';', 'before');
    add_shortcode('peer_path', 'peerpath_shortcode');
    register_block_type('peerpath/widget', [
        'api_version' => 2,
        'editor_script' => 'peerpath-block',
        'render_callback' => 'peerpath_block',
        'attributes' => [
            'lang' => ['type' => 'string', 'default' => ''],
            'isolated' => ['type' => 'boolean', 'default' => false],
            'accent' => ['type' => 'string', 'default' => ''],
            'font' => ['type' => 'string', 'default' => ''],
            'scheme' => ['type' => 'string', 'default' => ''],
        ],
    ]);
});

/** The widget and the configurator are JavaScript modules; WordPress 6.1 cannot enqueue those. */
add_filter('script_loader_tag', function ($tag, $handle) {
    if ($handle === 'peerpath-widget' || $handle === 'peerpath-configure') {
        $tag = preg_replace('/<script(\s+type=(["\'])text\/javascript\2)?\s+src=/', '<script type="module" src=', $tag);
    }
    return $tag;
}, 10, 2);

/**
 * [peer_path lang="es" isolated="1"]: the widget, with the center's phone as the fallback while it
 * loads. `isolated` also reads as a bare word: [peer_path isolated].
 */
function peerpath_shortcode($atts)
{
    $atts = is_array($atts) ? $atts : [];
    $bare = in_array('isolated', $atts, true);
    $atts = shortcode_atts(['lang' => '', 'isolated' => ''], $atts, 'peer_path');
    $isolated = $bare || in_array(strtolower((string) $atts['isolated']), ['1', 'true', 'yes', 'isolated'], true);
    return peerpath_element((string) $atts['lang'], $isolated);
}

function peerpath_block($attributes)
{
    return peerpath_element(isset($attributes['lang']) ? (string) $attributes['lang'] : '', !empty($attributes['isolated']), peerpath_theme_style($attributes));
}

/**
 * A block's brand as the widget's custom properties, each value checked (a color as #1d5c4d, a
 * font name of letters, digits, spaces, commas, quotes and hyphens, light or dark); '' for none.
 */
function peerpath_theme_style($attributes)
{
    $style = [];
    $accent = (string) ($attributes['accent'] ?? '');
    if (preg_match('/^#([0-9a-f]{3}){1,2}$/i', $accent)) {
        $style[] = '--pp-accent:' . $accent;
    }
    $font = (string) ($attributes['font'] ?? '');
    if ($font !== '' && strlen($font) <= 120 && preg_match('/^[A-Za-z0-9 ,"\'-]+$/', $font)) {
        $style[] = '--pp-font:' . $font;
    }
    $scheme = (string) ($attributes['scheme'] ?? '');
    if (in_array($scheme, ['light', 'dark'], true)) {
        $style[] = 'color-scheme:' . $scheme;
    }
    return implode(';', $style);
}

/**
 * The element; its files are enqueued here, so they load only on pages that show it. Isolated,
 * it is a frame from the isolated host; with none set, visitors see only the fallback (the
 * phone numbers), never the widget in reach of this page's scripts, and an administrator
 * viewing the page is told what is missing.
 */
function peerpath_element($lang, $isolated = false, $style = '')
{
    $config = json_decode((string) get_option(PEERPATH_OPTION, ''));
    $phone = is_object($config) && isset($config->center->phone) && is_string($config->center->phone) ? trim(peerpath_plain($config->center->phone)) : '';
    $fallback = '<p>' . esc_html($phone !== ''
        ? sprintf(__('If you need help now, call or text 988. In an emergency, call 911. To talk with us, call %s.', 'peerpath'), $phone)
        : __('If you need help now, call or text 988. In an emergency, call 911.', 'peerpath')) . '</p>';
    $lang = preg_match('/^[a-z]{2}(-[A-Za-z0-9]{1,8})?$/', $lang) ? $lang : '';
    $lang_attr = $lang !== '' ? ' lang="' . esc_attr($lang) . '"' : '';
    if (!$isolated) {
        wp_enqueue_script('peerpath-widget');
        $style_attr = $style !== '' ? ' style="' . esc_attr($style) . '"' : '';
        return '<peer-path config="' . esc_attr(peerpath_config_url()) . '"' . $lang_attr . $style_attr . '>' . $fallback . '</peer-path>';
    }
    $host = (string) get_option(PEERPATH_ISOLATED_HOST, '');
    if ($host === '') {
        $notice = current_user_can('manage_options')
            ? '<p class="peerpath-notice"><strong>' . esc_html__('PeerPath: isolated mode needs an isolated host, set under Settings > PeerPath. Until then, visitors see only the lines below, not the questionnaire. (Only administrators see this note.)', 'peerpath') . '</strong></p>'
            : '';
        return $notice . '<div class="peerpath-fallback">' . $fallback . '</div>';
    }
    // The element's script is the plugin's own copy, served from this site: nothing from the
    // isolated host runs in this page. Only the frame comes from there.
    wp_enqueue_script('peerpath-frame', peerpath_asset('peer-path-frame.js'), [], PEERPATH_VERSION, true);
    return '<peer-path-frame src="' . esc_attr($host . 'embed.html') . '" config="' . esc_attr($host . 'center.json') . '"' . $lang_attr . '>' . $fallback . '</peer-path-frame>';
}

/**
 * Why an isolated host cannot be used, or '' when it can: an http(s) folder on another origin
 * than this site's (a frame from this origin is readable by its scripts), https when the site
 * is (a browser blocks an http frame on an https page).
 */
function peerpath_isolated_host_problem($url)
{
    $parts = wp_parse_url($url);
    if (!is_array($parts) || empty($parts['host']) || !in_array($parts['scheme'] ?? '', ['http', 'https'], true) || isset($parts['query']) || isset($parts['fragment'])) {
        return __('must be a web address of a folder, such as https://help.example.org/peerpath/', 'peerpath');
    }
    $site = wp_parse_url(home_url('/'));
    $origin = function ($p) {
        $port = isset($p['port']) ? (int) $p['port'] : ($p['scheme'] === 'https' ? 443 : 80);
        return strtolower($p['scheme'] . '://' . $p['host']) . ':' . $port;
    };
    if ($origin($parts) === $origin($site)) {
        return __('must be on another address than this site (a subdomain such as help.example.org): this site\'s own scripts could read a frame from its own address.', 'peerpath');
    }
    if ($site['scheme'] === 'https' && $parts['scheme'] !== 'https') {
        return __('must start with https://, as this site does: browsers block an http frame on an https page.', 'peerpath');
    }
    return '';
}

add_action('rest_api_init', function () {
    register_rest_route('peerpath/v1', '/meetings', [
        'methods' => 'GET',
        // The kept copy is served as it was checked and stored (rest_pre_serve_request, below),
        // never decoded and encoded again for each visitor.
        'callback' => function () {
            return new WP_REST_Response(null, 200);
        },
        'permission_callback' => '__return_true',
    ]);
    register_rest_route('peerpath/v1', '/feed-source', [
        'methods' => 'POST',
        'callback' => function (WP_REST_Request $request) {
            $given = $request->get_param('url');
            if (!is_string($given)) {
                return new WP_Error('peerpath_invalid', __('The address must be text.', 'peerpath'), ['status' => 400]);
            }
            $url = esc_url_raw($given, ['http', 'https']);
            update_option(PEERPATH_FEED_SOURCE, $url, false);
            return ['source' => $url, 'synced' => $url === '' ? null : peerpath_sync_feed(), 'status' => peerpath_feed_status_sentence()];
        },
        'permission_callback' => function () {
            return current_user_can('manage_options');
        },
    ]);
    register_rest_route('peerpath/v1', '/isolated-host', [
        'methods' => 'POST',
        'callback' => function (WP_REST_Request $request) {
            $given = $request->get_param('url');
            if (!is_string($given)) {
                return new WP_Error('peerpath_invalid', __('The address must be text.', 'peerpath'), ['status' => 400]);
            }
            // The frame it names is shown to every visitor of those pages: as with any frame in
            // a post, only someone allowed to add unfiltered HTML may choose it.
            if (!current_user_can('unfiltered_html')) {
                $why = __('can be set only by a user allowed to add unfiltered HTML to this site (on a network, a super admin).', 'peerpath');
                return new WP_Error('peerpath_forbidden', $why, ['status' => 403, 'problems' => [['path' => 'isolated_host', 'message' => $why]]]);
            }
            $url = trim($given);
            if ($url !== '') {
                $url = rtrim($url, '/') . '/';
                $problem = peerpath_isolated_host_problem($url);
                if ($problem !== '') {
                    return new WP_Error('peerpath_invalid', $problem, ['status' => 400, 'problems' => [['path' => 'isolated_host', 'message' => $problem]]]);
                }
            }
            update_option(PEERPATH_ISOLATED_HOST, $url, false);
            return ['host' => $url];
        },
        'permission_callback' => function () {
            return current_user_can('manage_options');
        },
    ]);
    register_rest_route('peerpath/v1', '/config', [
        [
            'methods' => 'GET',
            'callback' => 'peerpath_rest_get',
            'permission_callback' => '__return_true',
        ],
        [
            'methods' => 'POST',
            'callback' => 'peerpath_rest_save',
            'permission_callback' => function () {
                return current_user_can('manage_options');
            },
        ],
    ]);
});

/** The kept meeting list goes out as the text that was checked and stored. */
add_filter('rest_pre_serve_request', function ($served, $result, $request) {
    if ($served || !($request instanceof WP_REST_Request) || $request->get_route() !== '/peerpath/v1/meetings' || $request->get_method() !== 'GET') {
        return $served;
    }
    $text = (string) get_option(PEERPATH_FEED, '');
    header('Content-Type: application/json; charset=utf-8');
    header('Cache-Control: no-cache');
    echo $text === '' ? '[]' : $text;
    return true;
}, 10, 3);

/** The config, as the widget reads it (public: it describes the center, never a visitor). */
function peerpath_rest_get()
{
    $json = (string) get_option(PEERPATH_OPTION, '');
    $response = new WP_REST_Response(null, 200);
    $response->header('Cache-Control', 'no-cache');
    $config = $json === '' ? new stdClass() : json_decode($json);
    // A copy of another site's meetings, kept here, is the feed the widget reads (same site).
    if (is_object($config) && empty($config->meeting_guide_url) && get_option(PEERPATH_FEED, '') !== '') {
        $config->meeting_guide_url = wp_make_link_relative(rest_url('peerpath/v1/meetings'));
    }
    $response->set_data($config);
    return $response;
}

/** How long the sync may take in all, in seconds (30; a filter, for tests). */
function peerpath_sync_seconds()
{
    return (float) apply_filters('peerpath_sync_seconds', 30);
}

/**
 * Whether the sync may connect to `$ip`: a public address only, never this machine, a private,
 * shared (CGNAT, 100.64.0.0/10), link-local (169.254.0.0/16, where clouds answer with their
 * credentials) or reserved network. The filter `peerpath_sync_allowed_address` may allow more
 * (a list kept on an intranet; the plugin's tests).
 */
function peerpath_public_address($ip)
{
    $public = filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_NO_PRIV_RANGE | FILTER_FLAG_NO_RES_RANGE) !== false;
    if ($public && filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4) !== false) {
        $n = ip2long($ip);
        foreach ([['100.64.0.0', 10], ['169.254.0.0', 16], ['127.0.0.0', 8], ['0.0.0.0', 8], ['192.0.0.0', 24], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as [$net, $bits]) {
            $mask = -1 << (32 - $bits);
            if (($n & $mask) === (ip2long($net) & $mask)) {
                $public = false;
            }
        }
    }
    return (bool) apply_filters('peerpath_sync_allowed_address', $public, $ip);
}

/**
 * GETs `$url` within `$limit` bytes (after inflating a compressed answer, a kilobyte at a time)
 * and `$seconds` in all, however slowly the other site drips its head or body; follows up to 3
 * redirects, each checked again. It connects only to the address it checked (no second DNS
 * answer) and only to public ones (`peerpath_public_address`). Its own reader over PHP's
 * streams, so the bounds hold whether or not the site has php-curl: WordPress's own transports
 * keep reading past a size limit, wait 30 seconds per read, and inflate a compressed body whole.
 * Gives the body, or a WP_Error with a sentence.
 */
function peerpath_fetch($url, $limit, $seconds)
{
    $deadline = microtime(true) + $seconds;
    $error = function ($sentence) {
        return new WP_Error('peerpath_fetch', $sentence);
    };
    for ($hop = 0; $hop <= 3; $hop++) {
        $parts = wp_parse_url($url);
        $scheme = is_array($parts) ? strtolower($parts['scheme'] ?? '') : '';
        if (!in_array($scheme, ['http', 'https'], true) || empty($parts['host']) || isset($parts['user'])) {
            return $error(sprintf(__('%s is not an http or https address', 'peerpath'), $url));
        }
        $host = trim($parts['host'], '[]');
        $ips = filter_var($host, FILTER_VALIDATE_IP) !== false ? [$host] : (gethostbynamel($host) ?: []);
        if (!$ips) {
            return $error(sprintf(__('the name %s could not be found', 'peerpath'), $host));
        }
        foreach ($ips as $ip) {
            if (!peerpath_public_address($ip)) {
                return $error(sprintf(__('%1$s %2$s is on this machine or a private network (%3$s)', 'peerpath'), $hop ? __('a redirect to', 'peerpath') : __('the address', 'peerpath'), $host, $ip));
            }
        }
        $port = isset($parts['port']) ? (int) $parts['port'] : ($scheme === 'https' ? 443 : 80);
        $path = ($parts['path'] ?? '/') . (isset($parts['query']) ? '?' . $parts['query'] : '');
        $address = strpos($ips[0], ':') !== false ? '[' . $ips[0] . ']' : $ips[0];
        $context = stream_context_create(['ssl' => ['peer_name' => $host, 'verify_peer' => true, 'verify_peer_name' => true, 'SNI_enabled' => true]]);
        $left = $deadline - microtime(true);
        $socket = $left > 0 ? @stream_socket_client(($scheme === 'https' ? 'ssl://' : 'tcp://') . $address . ':' . $port, $errno, $errstr, $left, STREAM_CLIENT_CONNECT, $context) : false;
        if (!$socket) {
            return $error($left > 0 ? sprintf(__('could not connect (%s)', 'peerpath'), $errstr) : __('did not answer in time', 'peerpath'));
        }
        $authority = (strpos($host, ':') !== false ? "[$host]" : $host) . (isset($parts['port']) ? ':' . $port : '');
        fwrite($socket, "GET $path HTTP/1.1\r\nHost: $authority\r\nUser-Agent: PeerPath/" . PEERPATH_VERSION . " (WordPress)\r\nAccept: application/json\r\nAccept-Encoding: gzip, deflate\r\nConnection: close\r\n\r\n");
        $raw = '';
        // The answer as sent: its head, and its body compressed or in chunks, within bounds.
        $max_raw = $limit + 65536;
        while (!feof($socket)) {
            $left = $deadline - microtime(true);
            if ($left <= 0) {
                fclose($socket);
                return $error(sprintf(__('did not finish within %d seconds', 'peerpath'), (int) $seconds));
            }
            stream_set_timeout($socket, (int) ceil($left));
            $piece = fread($socket, 8192);
            if ($piece === false) {
                break;
            }
            $raw .= $piece;
            if (strlen($raw) > $max_raw) {
                fclose($socket);
                return $error(peerpath_too_large($limit));
            }
        }
        fclose($socket);
        if (microtime(true) > $deadline) {
            return $error(sprintf(__('did not finish within %d seconds', 'peerpath'), (int) $seconds));
        }
        $split = strpos($raw, "\r\n\r\n");
        if ($split === false || !preg_match('#^HTTP/1\.[01] (\d{3})#', $raw, $status)) {
            return $error(__('did not answer as a web server does', 'peerpath'));
        }
        $headers = [];
        foreach (array_slice(explode("\r\n", substr($raw, 0, $split)), 1) as $line) {
            $colon = strpos($line, ':');
            if ($colon !== false) {
                $headers[strtolower(trim(substr($line, 0, $colon)))] = trim(substr($line, $colon + 1));
            }
        }
        $body = substr($raw, $split + 4);
        unset($raw);
        $code = (int) $status[1];
        if (in_array($code, [301, 302, 303, 307, 308], true) && !empty($headers['location'])) {
            $url = WP_Http::make_absolute_url($headers['location'], $url);
            continue;
        }
        if ($code !== 200) {
            return $error(sprintf(__('answered HTTP %d', 'peerpath'), $code));
        }
        if (stripos($headers['transfer-encoding'] ?? '', 'chunked') !== false) {
            $body = peerpath_dechunk($body);
            if ($body === null) {
                return $error(__('sent a body cut short', 'peerpath'));
            }
        }
        $encoding = strtolower($headers['content-encoding'] ?? 'identity');
        if (in_array($encoding, ['gzip', 'x-gzip', 'deflate'], true)) {
            $body = peerpath_inflate($body, $limit, $encoding === 'deflate' ? ZLIB_ENCODING_DEFLATE : ZLIB_ENCODING_GZIP);
            if (is_wp_error($body)) {
                return $body;
            }
        } elseif ($encoding !== 'identity') {
            return $error(sprintf(__('answered in an encoding it cannot read (%s)', 'peerpath'), $encoding));
        }
        if (strlen($body) > $limit) {
            return $error(peerpath_too_large($limit));
        }
        return $body;
    }
    return $error(__('redirected more than 3 times', 'peerpath'));
}

/** The sentence for an answer past `$limit` bytes (`$inflated`: once a compressed one is inflated). */
function peerpath_too_large($limit, $inflated = false)
{
    $size = number_format_i18n($limit / 1048576);
    /* translators: %s: a size in MiB, such as 50 */
    return sprintf($inflated ? __('is larger than %s MiB once inflated, as much as is read', 'peerpath') : __('is larger than %s MiB, as much as is read', 'peerpath'), $size);
}

/** A chunked body joined, or null when it is cut short. */
function peerpath_dechunk($body)
{
    $out = '';
    $at = 0;
    for (;;) {
        $eol = strpos($body, "\r\n", $at);
        if ($eol === false) {
            return null;
        }
        $size = trim(explode(';', substr($body, $at, $eol - $at))[0]);
        if (!ctype_xdigit($size)) {
            return null;
        }
        $size = hexdec($size);
        if ($size === 0) {
            return $out;
        }
        if ($eol + 2 + $size > strlen($body)) {
            return null;
        }
        $out .= substr($body, $eol + 2, $size);
        $at = $eol + 2 + $size + 2;
    }
}

/**
 * A compressed (gzip or deflate) body inflated a kilobyte at a time, stopped as soon as it holds
 * more than `$limit` bytes: a compression bomb never fills the memory.
 */
function peerpath_inflate($body, $limit, $encoding)
{
    $stream = @inflate_init($encoding);
    $out = '';
    for ($at = 0; $stream && $at < strlen($body); $at += 1024) {
        $piece = @inflate_add($stream, substr($body, $at, 1024), ZLIB_SYNC_FLUSH);
        if ($piece === false) {
            return new WP_Error('peerpath_fetch', __('sent a compressed body that does not inflate', 'peerpath'));
        }
        $out .= $piece;
        if (strlen($out) > $limit) {
            return new WP_Error('peerpath_fetch', peerpath_too_large($limit, true));
        }
    }
    return $out;
}

/** BMLT's format keys, as Meeting Guide type codes where they mean the same (as peerpath-sync-feed reads them). */
const PEERPATH_BMLT_FORMATS = ['O' => 'O', 'C' => 'C', 'WC' => 'X', 'VM' => 'ONL', 'TC' => 'TC', 'W' => 'W', 'M' => 'M', 'GL' => 'LGBTQ', 'Y' => 'Y', 'BT' => 'B', 'ST' => 'ST', 'D' => 'D', 'SP' => 'SP', 'ES' => 'S', 'Sp' => 'S'];

/** The fields of a meeting the widget reads (src/center/meeting_guide.rs); the copy keeps only these. */
const PEERPATH_MEETING_FIELDS = ['name', 'slug', 'day', 'time', 'end_time', 'types', 'location', 'formatted_address', 'address', 'city', 'latitude', 'longitude', 'approximate', 'conference_url', 'conference_phone', 'timezone'];

/** Meeting Guide's language type codes as language tags (as the widget reads them). */
const PEERPATH_LANGUAGE_CODES = ['AM' => 'am', 'ASL' => 'ase', 'DA' => 'da', 'DE' => 'de', 'EL' => 'el', 'EN' => 'en', 'FA' => 'fa', 'FR' => 'fr', 'HE' => 'he', 'HI' => 'hi', 'HR' => 'hr', 'HU' => 'hu', 'ITA' => 'it', 'JA' => 'ja', 'KOR' => 'ko', 'LT' => 'lt', 'ML' => 'ml', 'NO' => 'no', 'POL' => 'pl', 'POR' => 'pt', 'PUN' => 'pa', 'RUS' => 'ru', 'S' => 'es', 'SK' => 'sk', 'SV' => 'sv', 'TH' => 'th', 'TL' => 'tl', 'UK' => 'uk'];

/** Whether `$value` is a list (a JSON array), not a map (array_is_list, which PHP 7.4 lacks). */
function peerpath_is_list($value)
{
    return $value === [] || array_keys($value) === range(0, count($value) - 1);
}

/** How the syncs went (`PEERPATH_FEED_STATUS`): `time`, `count`, `tried`, `error`, `source`, each there once known. */
function peerpath_feed_status()
{
    $status = get_option(PEERPATH_FEED_STATUS, []);
    return is_array($status) ? $status : [];
}

/** Whether `$feed` (decoded as arrays) is a BMLT server's search results rather than a Meeting Guide feed. */
function peerpath_is_bmlt($feed)
{
    foreach ($feed as $meeting) {
        if (!is_array($meeting) || !array_key_exists('meeting_name', $meeting) || !array_key_exists('weekday_tinyint', $meeting)) {
            return false;
        }
    }
    return (bool) $feed;
}

/** One BMLT meeting as a Meeting Guide entry (BMLT's weekdays run 1 = Sunday to 7). */
function peerpath_from_bmlt($m)
{
    $hhmm = function ($time) {
        return is_string($time) && preg_match('/^(\d{1,2}):(\d{2})/', $time, $t) ? sprintf('%02d:%s', (int) $t[1], $t[2]) : null;
    };
    $start = $hhmm($m['start_time'] ?? null);
    $duration = $hhmm($m['duration_time'] ?? null);
    $end = null;
    if ($start !== null && $duration !== null) {
        $minutes = ((int) substr($start, 0, 2) + (int) substr($duration, 0, 2)) * 60 + (int) substr($start, 3) + (int) substr($duration, 3);
        $end = sprintf('%02d:%02d', intdiv($minutes, 60) % 24, $minutes % 60);
    }
    $address = implode(', ', array_filter(array_map(function ($key) use ($m) {
        return isset($m[$key]) && is_string($m[$key]) ? trim($m[$key]) : '';
    }, ['location_street', 'location_municipality', 'location_province', 'location_postal_code_1'])));
    $types = [];
    foreach (explode(',', (string) ($m['formats'] ?? '')) as $format) {
        $format = trim($format);
        if (isset(PEERPATH_BMLT_FORMATS[$format])) {
            $types[] = PEERPATH_BMLT_FORMATS[$format];
        }
    }
    $entry = [
        'name' => $m['meeting_name'],
        'slug' => 'bmlt-' . (is_scalar($m['id_bigint'] ?? null) ? $m['id_bigint'] : ''),
        'day' => (int) $m['weekday_tinyint'] - 1,
        'time' => $start,
        'end_time' => $end,
        'location' => !empty($m['location_text']) ? $m['location_text'] : null,
        'formatted_address' => $address !== '' ? $address : null,
        'latitude' => isset($m['latitude']) && is_numeric($m['latitude']) ? (float) $m['latitude'] : null,
        'longitude' => isset($m['longitude']) && is_numeric($m['longitude']) ? (float) $m['longitude'] : null,
        'conference_url' => !empty($m['virtual_meeting_link']) ? $m['virtual_meeting_link'] : null,
        'conference_phone' => !empty($m['phone_meeting_number']) ? $m['phone_meeting_number'] : null,
        'timezone' => !empty($m['time_zone']) ? $m['time_zone'] : null,
        'types' => $types,
    ];
    return array_filter($entry, function ($v) {
        return $v !== null;
    });
}

/** The great-circle distance in miles between two points given in degrees (haversine). */
function peerpath_miles($lat1, $lon1, $lat2, $lon2)
{
    $h = sin(deg2rad($lat2 - $lat1) / 2) ** 2 + cos(deg2rad($lat1)) * cos(deg2rad($lat2)) * sin(deg2rad($lon2 - $lon1) / 2) ** 2;
    return 2 * 3958.8 * asin(min(1, sqrt($h)));
}

/**
 * `$feed` (Meeting Guide meetings, as arrays) trimmed for the center's `$config` (an object or
 * null), as peerpath-sync-feed trims it (tools/npm/lib/feed.mjs): each meeting cut to the fields
 * the widget reads, duplicates of a slug left out, and, when the config places the center, only
 * the meetings within `feed_radius_miles` of it and the online meetings in its languages.
 * Gives `[meetings, how many were left out farther, without a place]`.
 */
function peerpath_trim_feed($feed, $config)
{
    $center = is_object($config) && isset($config->center) && is_object($config->center) ? $config->center : null;
    $placed = $center && isset($center->lat, $center->lon) && is_numeric($center->lat) && is_numeric($center->lon) && !is_string($center->lat) && !is_string($center->lon);
    $radius = is_object($config) && isset($config->feed_radius_miles) && is_numeric($config->feed_radius_miles) && !is_string($config->feed_radius_miles) ? (float) $config->feed_radius_miles : PEERPATH_DEFAULT_RADIUS_MILES;
    $offered = ['en', 'es'];
    if (is_object($config) && isset($config->languages) && is_array($config->languages) && $config->languages) {
        $offered = array_map(function ($tag) {
            return strtolower(preg_split('/[-_]/', (string) $tag)[0]);
        }, array_filter($config->languages, 'is_string'));
    }
    $kept = [];
    $seen = [];
    $far = 0;
    $unplaced = 0;
    foreach ($feed as $meeting) {
        if (!is_array($meeting) || ($meeting && peerpath_is_list($meeting))) {
            continue;
        }
        $slug = isset($meeting['slug']) && is_scalar($meeting['slug']) ? (string) $meeting['slug'] : null;
        if ($slug !== null && isset($seen[$slug])) {
            continue;
        }
        if ($placed) {
            $lat = $meeting['latitude'] ?? null;
            $lon = $meeting['longitude'] ?? null;
            $located = is_numeric($lat) && is_numeric($lon);
            $near = $located && peerpath_miles((float) $center->lat, (float) $center->lon, (float) $lat, (float) $lon) <= $radius;
            $types = isset($meeting['types']) && is_array($meeting['types']) ? $meeting['types'] : [];
            $online = in_array('ONL', $types, true) || !empty($meeting['conference_url']) || !empty($meeting['conference_phone']);
            $languages = [];
            foreach ($types as $code) {
                if (is_string($code) && isset(PEERPATH_LANGUAGE_CODES[$code])) {
                    $languages[] = PEERPATH_LANGUAGE_CODES[$code];
                }
            }
            $joinable = $online && array_intersect($languages ?: ['en'], $offered);
            if (!$near && !$joinable) {
                $located ? $far++ : $unplaced++;
                continue;
            }
        }
        if ($slug !== null) {
            $seen[$slug] = true;
        }
        $kept[] = array_intersect_key($meeting, array_flip(PEERPATH_MEETING_FIELDS));
    }
    return [$kept, $far, $unplaced];
}

/**
 * Fetches the meeting list named in the settings (another site's Meeting Guide feed, or a BMLT
 * server's search results, converted), within 50 MiB and 30 seconds, trims it to the center
 * (`peerpath_trim_feed`), and keeps it when it holds at least one meeting with a name, a day
 * and a time and fits the widget's 2 MiB; otherwise the last good copy stays. Each try is
 * recorded (`PEERPATH_FEED_STATUS`) for the settings page, the admin notice and Site Health. A
 * visitor's browser never asks the other site: the widget reads the copy from this one. Runs
 * twice a day (WP-Cron) and when the address is set.
 */
function peerpath_sync_feed()
{
    $url = (string) get_option(PEERPATH_FEED_SOURCE, '');
    if ($url === '') {
        return 'no source';
    }
    // PHP may stop a sync before it ends: its memory_limit reached decoding a very large list
    // on a small host, or its max_execution_time. That fatal error runs no code of the sync, so
    // the shutdown records it, in a sentence, where the settings page and Site Health read the
    // last error (a reserve of memory, given back first, leaves room to write it).
    $finished = false;
    $reserve = str_repeat(' ', 1 << 20);
    register_shutdown_function(function () use (&$finished, &$reserve, $url) {
        $reserve = null;
        $fatal = error_get_last();
        if ($finished || !$fatal || !in_array($fatal['type'], [E_ERROR, E_CORE_ERROR, E_COMPILE_ERROR, E_USER_ERROR], true)) {
            return;
        }
        peerpath_record_sync($url, stripos($fatal['message'], 'memory size') !== false
            ? __('the server ran out of memory for PHP while reading the list; ask your host to raise PHP\'s memory_limit, or keep the copy with peerpath-sync-feed, which trims it to your radius', 'peerpath')
            /* translators: %s: PHP's own message, such as "Maximum execution time of 30 seconds exceeded" */
            : sprintf(__('PHP stopped the sync before it finished (%s)', 'peerpath'), $fatal['message']));
    });
    $said = peerpath_sync_from($url);
    $finished = true;
    $reserve = null;
    peerpath_record_sync($url, $said);
    return is_array($said) ? 'saved: ' . $said[0] . ' meeting(s)' . ($said[1] ? '; left out: ' . $said[1] : '') : 'kept: ' . $said;
}

/** Records a try of `$url` for the admin: `$said` is `[meetings kept, ...]` when the copy was saved, else the sentence why not. */
function peerpath_record_sync($url, $said)
{
    $status = peerpath_feed_status();
    $status['tried'] = time();
    $status['source'] = $url;
    $status['error'] = is_array($said) ? '' : $said;
    if (is_array($said)) {
        $status['time'] = time();
        $status['count'] = $said[0];
    }
    update_option(PEERPATH_FEED_STATUS, $status, false);
}

/** One sync of `$url`: `[meetings kept, what was left out]` when the copy was saved, else the sentence why not. */
function peerpath_sync_from($url)
{
    if (function_exists('wp_raise_memory_limit')) {
        wp_raise_memory_limit('peerpath_sync'); // a large feed decoded takes some room
    }
    $body = peerpath_fetch($url, PEERPATH_SOURCE_MAX_BYTES, peerpath_sync_seconds());
    if (is_wp_error($body)) {
        return $body->get_error_message();
    }
    $feed = json_decode($body, true);
    unset($body);
    if (!is_array($feed) || !peerpath_is_list($feed)) {
        return __('the source is not a list of meetings (a Meeting Guide feed or BMLT search results)', 'peerpath');
    }
    if (peerpath_is_bmlt($feed)) {
        $feed = array_map('peerpath_from_bmlt', $feed);
    }
    [$meetings, $far, $unplaced] = peerpath_trim_feed($feed, json_decode((string) get_option(PEERPATH_OPTION, '')));
    unset($feed);
    $usable = array_filter($meetings, function ($m) {
        return isset($m['name'], $m['day'], $m['time']) && is_string($m['name']) && is_string($m['time']);
    });
    if (!$usable) {
        return __('the source holds no meeting the widget can show (each needs a name, a day and a time)', 'peerpath');
    }
    $text = wp_json_encode($meetings);
    if ($text === false || strlen($text) > PEERPATH_MAX_BYTES) {
        return __('the copy would be larger than the 2 MiB the widget reads: set where your center is (latitude and longitude) and a smaller radius, to keep only nearby meetings', 'peerpath');
    }
    update_option(PEERPATH_FEED, $text, false);
    /* translators: 1: meetings farther than the radius, 2: meetings with no place */
    $left = $far + $unplaced ? sprintf(__('%1$d farther than the radius, %2$d with no place and no way to join online', 'peerpath'), $far, $unplaced) : '';
    return [count($usable), $left];
}
add_action('peerpath_sync_feed', 'peerpath_sync_feed');

/** Whether a meeting list is set and its copy is older than two days (or none was ever kept). */
function peerpath_feed_is_stale()
{
    $status = peerpath_feed_status();
    return get_option(PEERPATH_FEED_SOURCE, '') !== '' && time() - (int) ($status['time'] ?? 0) > PEERPATH_STALE_SECONDS;
}

/** How the meeting list's sync stands, in a sentence or two for the admin ('' when no list is set). */
function peerpath_feed_status_sentence()
{
    if (get_option(PEERPATH_FEED_SOURCE, '') === '') {
        return '';
    }
    $status = peerpath_feed_status();
    $said = empty($status['time'])
        ? __('No copy of the meeting list has been kept yet.', 'peerpath')
        /* translators: 1: how long ago, such as "3 hours", 2: a number of meetings */
        : sprintf(_n('Last synced %1$s ago: %2$d meeting kept.', 'Last synced %1$s ago: %2$d meetings kept.', (int) $status['count'], 'peerpath'), human_time_diff((int) $status['time']), (int) $status['count']);
    if (!empty($status['error'])) {
        /* translators: 1: how long ago, 2: what went wrong, such as "answered HTTP 404" */
        $said .= ' ' . sprintf(__('The last try, %1$s ago, did not change the copy: %2$s.', 'peerpath'), human_time_diff((int) ($status['tried'] ?? time())), $status['error']);
    }
    return $said;
}

// A stale copy is said on every admin screen a center's web person opens, not only PeerPath's.
add_action('admin_notices', function () {
    if (!current_user_can('manage_options') || !peerpath_feed_is_stale()) {
        return;
    }
    printf(
        '<div class="notice notice-warning" id="peerpath-stale"><p>%s %s <a href="%s">%s</a></p></div>',
        esc_html__('PeerPath: the copy of your meeting list is more than two days old, so visitors may see meetings that have changed.', 'peerpath'),
        esc_html(peerpath_feed_status_sentence()),
        esc_url(admin_url('options-general.php?page=peerpath')),
        esc_html__('Check the meeting list in Settings > PeerPath', 'peerpath')
    );
});

/**
 * Whether a visitor who is not signed in can read the config and the meeting list, asked the way
 * such a visitor's browser asks (no cookie): '' when both answer, else what went wrong. A
 * security plugin that locks the REST API to signed-in users leaves every visitor with the
 * fallback only (distribution.md v3: "ready" means it works).
 */
function peerpath_public_problem()
{
    $urls = [peerpath_config_url()];
    if (get_option(PEERPATH_FEED, '') !== '') {
        $urls[] = rest_url('peerpath/v1/meetings');
    }
    foreach ($urls as $url) {
        $response = wp_remote_get($url, ['timeout' => 10, 'cookies' => [], 'headers' => ['Accept' => 'application/json'], 'sslverify' => false]);
        if (is_wp_error($response)) {
            /* translators: 1: an address, 2: the error */
            return sprintf(__('%1$s could not be reached from this site (%2$s).', 'peerpath'), $url, $response->get_error_message());
        }
        $code = (int) wp_remote_retrieve_response_code($response);
        $body = json_decode(wp_remote_retrieve_body($response));
        if ($code !== 200 || !(is_object($body) || is_array($body))) {
            /* translators: 1: an address, 2: an HTTP status such as 401 */
            return sprintf(__('%1$s answered HTTP %2$d to a visitor who is not signed in, so visitors see only your fallback text. A security plugin may limit the REST API to signed-in users: allow the routes under /wp-json/peerpath/v1/ for everyone.', 'peerpath'), $url, $code);
        }
    }
    return '';
}

add_filter('site_status_tests', function ($tests) {
    $tests['direct']['peerpath_public'] = ['label' => __('PeerPath can be read by visitors', 'peerpath'), 'test' => 'peerpath_health_public'];
    $tests['direct']['peerpath_feed'] = ['label' => __('PeerPath\'s meeting list is up to date', 'peerpath'), 'test' => 'peerpath_health_feed'];
    return $tests;
});

/** A Site Health result in WordPress's shape. */
function peerpath_health($test, $good, $label, $description, $status)
{
    return [
        'label' => $label,
        'status' => $good ? 'good' : $status,
        'badge' => ['label' => __('PeerPath', 'peerpath'), 'color' => $good ? 'blue' : 'orange'],
        'description' => '<p>' . esc_html($description) . '</p>',
        'actions' => $good ? '' : sprintf('<p><a href="%s">%s</a></p>', esc_url(admin_url('options-general.php?page=peerpath')), esc_html__('Settings > PeerPath', 'peerpath')),
        'test' => $test,
    ];
}

/** Site Health: the config and the meeting list answer a visitor who is not signed in. */
function peerpath_health_public()
{
    $problem = peerpath_public_problem();
    return peerpath_health('peerpath_public', $problem === '', $problem === '' ? __('PeerPath can be read by visitors', 'peerpath') : __('Visitors cannot load PeerPath\'s config', 'peerpath'),
        $problem === '' ? __('The widget\'s config and meeting list answer a visitor who is not signed in.', 'peerpath') : $problem, 'critical');
}

/** Site Health: the copy of another site's meeting list is no more than two days old. */
function peerpath_health_feed()
{
    $stale = peerpath_feed_is_stale();
    $sentence = peerpath_feed_status_sentence();
    return peerpath_health('peerpath_feed', !$stale, $stale ? __('PeerPath\'s meeting list is out of date', 'peerpath') : __('PeerPath\'s meeting list is up to date', 'peerpath'),
        $sentence !== '' ? $sentence : __('No meeting list from another site is set.', 'peerpath'), 'recommended');
}
register_activation_hook(__FILE__, function () {
    if (!wp_next_scheduled('peerpath_sync_feed')) {
        wp_schedule_event(time(), 'twicedaily', 'peerpath_sync_feed');
    }
});
register_deactivation_hook(__FILE__, function () {
    wp_clear_scheduled_hook('peerpath_sync_feed');
});

/** Saves a config sent by the settings page (with its nonce); an invalid one is never saved. */
function peerpath_rest_save(WP_REST_Request $request)
{
    $body = (string) $request->get_body();
    if (strlen($body) > PEERPATH_MAX_BYTES) {
        return new WP_Error('peerpath_too_large', __('The config is larger than 2 MiB, which is as much as the widget reads. It was not saved.', 'peerpath'), ['status' => 400]);
    }
    $config = json_decode($body);
    $problems = peerpath_problems($config);
    $text = $problems ? false : wp_json_encode($config);
    if ($text === false && !$problems) {
        // PHP reads a number such as 1e400 as infinity, which has no JSON: never store an empty config.
        $problems[] = ['path' => peerpath_non_finite($config, ''), 'message' => __('is a number too large to store; give a smaller one.', 'peerpath')];
    }
    if ($problems) {
        return new WP_Error('peerpath_invalid', __('The config was not saved: it has problems.', 'peerpath'), ['status' => 400, 'problems' => $problems]);
    }
    update_option(PEERPATH_OPTION, $text, false);
    return ['saved' => true];
}

/** The place of the first number in `$value` that is not finite (such as 1e400), as a path. */
function peerpath_non_finite($value, $path)
{
    if (is_float($value) && !is_finite($value)) {
        return $path;
    }
    if (is_object($value) || is_array($value)) {
        foreach ($value as $key => $item) {
            $at = is_int($key) ? "{$path}[$key]" : ($path === '' ? (string) $key : "$path.$key");
            $found = peerpath_non_finite($item, $at);
            if ($found !== null) {
                return $found;
            }
        }
    }
    return null;
}

/**
 * The server's own check of a config's shape, each problem by field. The settings page checks
 * every field with the widget's rules before it sends; this refuses what it must never store.
 */
function peerpath_problems($config)
{
    if (!is_object($config)) {
        return [['path' => '', 'message' => __('must be a JSON object.', 'peerpath')]];
    }
    $problems = [];
    $name = isset($config->center) && is_object($config->center) && isset($config->center->name) ? $config->center->name : null;
    if (!is_string($name) || trim($name) === '') {
        $problems[] = ['path' => 'center.name', 'message' => __('is required: give the name as text.', 'peerpath')];
    }
    foreach (['resources', 'meeting_guide', 'languages', 'hide', 'embed_origins'] as $list) {
        if (isset($config->$list) && !is_array($config->$list)) {
            $problems[] = ['path' => $list, 'message' => __('must be a list.', 'peerpath')];
        }
    }
    if (isset($config->resources) && is_array($config->resources)) {
        foreach ($config->resources as $i => $resource) {
            foreach (['id', 'name', 'kind'] as $field) {
                if (!is_object($resource) || !isset($resource->$field) || !is_string($resource->$field) || $resource->$field === '') {
                    $problems[] = ['path' => "resources[$i].$field", 'message' => __('is required.', 'peerpath')];
                }
            }
        }
    }
    return $problems;
}

/**
 * The privacy-policy text a center pastes (docs/PRIVACY.md in the release), offered in Settings >
 * Privacy > Policy Guide, where WordPress gathers what each plugin says (distribution.md v3).
 */
function peerpath_privacy_text()
{
    $points = [
        __('Your answers stay on your device. They are not sent to us or to anyone else, and they are not stored: no cookie, no browser storage, no account. When you close or leave the page, they are gone.', 'peerpath'),
        __('We cannot see your answers or your results. We only learn what any visit to our site tells us: that the page and its files were loaded (our web server\'s usual logs).', 'peerpath'),
        __('Your location is used only if you ask. If you tap "Sort by distance from me", your browser asks your permission; the location is used on your device to sort meetings and is never sent or kept.', 'peerpath'),
        __('Saving and printing are yours. "Save a copy" makes a file on your device; "Print" prints. Where a result talks about safety at home, the page first asks whether you want that part left out.', 'peerpath'),
        __('"Exit this page" (or pressing Shift three times) clears your answers and takes the whole tab to another site.', 'peerpath'),
        __('The questionnaire loads nothing from other companies: no fonts, no analytics, no advertising. It reads only its own files and our list of programs and meetings from our own site.', 'peerpath'),
        __('It is not a diagnosis and not medical advice. If you are in danger, call or text 988, or call 911.', 'peerpath'),
    ];
    return '<p class="privacy-policy-tutorial">' . esc_html__('PeerPath never receives what a visitor answers; the text below says so in plain words for your visitors.', 'peerpath') . '</p>'
        . '<p><strong class="privacy-policy-tutorial">' . esc_html__('Suggested text:', 'peerpath') . ' </strong>'
        . esc_html__('Our site offers an anonymous questionnaire that suggests support groups and aftercare that may fit you or someone you care about. It runs entirely in your browser.', 'peerpath') . '</p>'
        . '<ul><li>' . implode('</li><li>', array_map('esc_html', $points)) . '</li></ul>';
}
add_action('admin_init', function () {
    if (function_exists('wp_add_privacy_policy_content')) {
        wp_add_privacy_policy_content(__('PeerPath', 'peerpath'), peerpath_privacy_text());
    }
});

// A "Settings" link beside Deactivate on the Plugins screen, where a web person looks first
// after activating (distribution.md version 3).
add_filter('plugin_action_links_' . plugin_basename(__FILE__), function ($links) {
    $url = admin_url('options-general.php?page=peerpath');
    array_unshift($links, '<a href="' . esc_url($url) . '">' . esc_html__('Settings', 'peerpath') . '</a>');
    return $links;
});

add_action('admin_menu', function () {
    add_options_page(__('PeerPath', 'peerpath'), __('PeerPath', 'peerpath'), 'manage_options', 'peerpath', 'peerpath_settings_page');
});

/**
 * The settings page's words (the configurator's, listed in configure-strings.php by
 * tools/wp-i18n.mjs) in the administrator's language, by their English text: those translated
 * only. The configurator puts them in place (configure.js `WORDS`).
 */
function peerpath_configurator_words()
{
    $words = [];
    foreach ((array) include __DIR__ . '/configure-strings.php' as $text) {
        // The text is the configurator's, listed at build time and in the .pot: a variable here.
        $translated = __($text, 'peerpath'); // phpcs:ignore WordPress.WP.I18n.NonSingularStringLiteralText
        if ($translated !== $text) {
            $words[$text] = $translated;
        }
    }
    return $words;
}

/** Settings > PeerPath: the configurator, saving through the REST route with a nonce. */
function peerpath_settings_page()
{
    if (!current_user_can('manage_options')) {
        return;
    }
    wp_enqueue_style('peerpath-configure', peerpath_asset('configure.css'), [], PEERPATH_VERSION);
    wp_enqueue_script('peerpath-widget');
    wp_enqueue_script('peerpath-configure', peerpath_asset('configure.js'), [], PEERPATH_VERSION, true);
    $settings = [
        'config' => json_decode((string) get_option(PEERPATH_OPTION, '')),
        'save' => peerpath_config_url(),
        'nonce' => wp_create_nonce('wp_rest'),
        'configUrl' => peerpath_config_url(),
        'widgetUrl' => peerpath_asset(''),
        'words' => peerpath_configurator_words(),
        'lang' => strtolower(strtok(determine_locale(), '_')),
        'feedSource' => (string) get_option(PEERPATH_FEED_SOURCE, ''),
        'feedStatus' => peerpath_feed_status_sentence(),
        'feedSourceUrl' => rest_url('peerpath/v1/feed-source'),
        'isolatedHost' => (string) get_option(PEERPATH_ISOLATED_HOST, ''),
        'isolatedHostUrl' => rest_url('peerpath/v1/isolated-host'),
        'canSetIsolatedHost' => current_user_can('unfiltered_html'),
    ];
    // A site that runs 12 Step Meeting List has a Meeting Guide feed of its own to offer.
    if (defined('TSML_VERSION') || function_exists('tsml_get_meetings')) {
        $settings['meetingGuide'] = wp_make_link_relative(admin_url('admin-ajax.php?action=meetings'));
    }
    // In a script element, `<` and `&` as \u escapes: no value can end it or open a comment.
    $json = wp_json_encode($settings, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT);
    wp_add_inline_script('peerpath-configure', 'window.peerpathSettings = ' . $json . ';', 'before');
    // The form is the configurator's own page (one source), without its head, and in a div:
    // the admin screen has its own main landmark.
    $page = (string) file_get_contents(__DIR__ . '/widget/configure.html');
    $start = strpos($page, '<main>');
    $end = strpos($page, '</body>');
    echo '<div class="wrap peerpath-settings">';
    if ($start !== false && $end !== false) {
        // Our own static markup, shipped with the plugin.
        echo str_replace(['<main>', '</main>'], ['<div class="peerpath-configurator">', '</div>'], substr($page, $start, $end - $start));
    }
    echo '</div>';
}
