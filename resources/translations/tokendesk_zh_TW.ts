<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>td::ui::AccessEditor</name>
    <message>
        <source>Allow other &amp;machines to connect (needs bearer keys to be safe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow other machines to connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin to allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed origins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed origins (browsers calling from other pages get 403)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wildcards are not allowed: list each origin, like http://localhost:3000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an origin: give the scheme, host and port only, like http://localhost:3000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already allowed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::BearerKeyEditor</name>
    <message>
        <source>&amp;Generate key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key (shown this once; copy it now):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web-dev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a bearer key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected bearer key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected bearer key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New bearer key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the new bearer key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys are kept in %1. The config names each key&apos;s variable, so tokendesk-cli serve uses the same key, from that variable when it is set, else from the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set: export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key was generated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove bearer key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the key in %1? Clients that use it get 401 from then on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be removed from the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigErrors</name>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LiveKit grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitsi features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer key %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::EndpointEditor</name>
    <message>
        <source>&amp;Add endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/getToken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile the endpoint signs with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LiveKit: GET ?room=&amp;identity= (livekit-get)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LiveKit: POST connection details (livekit-standard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitsi / JaaS: GET ?room=&amp;user_id= (jitsi-get)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZEGOCLOUD: GET ?userID= (zego-get)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health check (healthz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing (no token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credentials needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variables (credentials: env)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose a profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not usable here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the endpoint %1 and its policy from the server config?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::HistoryModel</name>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry of this token was not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires %1 (local), %2 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the metadata was kept, not the token string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token string is kept in history: it is a credential until it expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::HistoryPage</name>
    <message>
        <source>&amp;Re-mint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;token strings in history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile, identity, room or grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minted tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-mint the selected entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Mint page with the same claims (new times, new signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected entry&apos;s token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for entries that kept their token string; the clipboard is cleared later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the listed entries as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the entries the filter shows, in the order shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days to keep history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep token strings in history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens are credentials: anyone who can read the history file can join as that identity until the token expires. Off, history keeps only the metadata above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;history for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n damaged line(s) in %1 could not be read and were skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Old entries could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entry matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mints recorded yet. Every token you mint appears here with its identity, room, grants and expiry; the token string itself only if you keep token strings below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-mint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The claims of this entry cannot be read back (%1). Set them on the Mint page instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Token copied; the clipboard is cleared in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Token copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token for %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete history entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 from the history? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n history entry(ies)? This cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export history as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export history</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entry(ies) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file holds %n token string(s): keep it private.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Shorten history</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Keeping history for %1 days deletes %n older entry(ies) now. Continue?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n old entry(ies) removed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Forget kept tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n token string(s) are already kept in history. Remove them now? The rest of each entry stays.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::InspectPage</name>
    <message>
        <source>&amp;Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste or drop a token, a join link or an Authorization header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored profile, or the key and secret typed below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key or application ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key / AppID / app_id (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret to verify with (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header and claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a second token to compare with the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim by claim comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key / ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;econd token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare two tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key and secret typed below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile %1 is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot verify with this profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a token (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>different values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only in the first token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only in the second token</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) and %3 (%4): %n claim(s) differ</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>That file is not a token (too large or unreadable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — local %2 — UTC %3 — %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature INVALID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature not checked (no secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No findings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::JsonEditor</name>
    <message>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format %1 as indented JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write %1 as compact JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indent the JSON for reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line without spaces: the token stays shorter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a JSON object in { }</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: left out of the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: no metadata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid JSON. The token carries it as a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text, not JSON (%1). LiveKit accepts any string, but apps usually parse metadata as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::LiveKitForm</name>
    <message>
        <source>&amp;Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pply preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participant metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a&amp;ttribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims kept from the JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required to join, unique in the room (e.g. alice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate an identity like participant-1a2b3c4d5e6f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: shown to other participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participant kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set (standard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participant attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attri&amp;butes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room and grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the room this token joins or moderates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewer: watches and chats, does not publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker: publishes camera, microphone and screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderator: publishes and moderates the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorder: hidden, subscribes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent: an AI participant (kind agent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the role preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces the video grant with the role&apos;s (the room stays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;oom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;eset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room configuration (applies when this token creates the room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a LiveKit Cloud room preset; roomConfig overrides it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud room pre&amp;set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roomCon&amp;fig:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attribute in row %1 has a value but no key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attribute &quot;%1&quot; is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other claims from the JSON, kept as they are: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored, the minter sets them from the key, the identity and the TTL: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::LiveKitGrantsBox</name>
    <message>
        <source>&amp;Video grant (joining and managing rooms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a video grant the token cannot join any room; it only serves server APIs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roomJoin: join the room named above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Moderate the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roomAdmin: mute, remove and update participants of that room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and delete rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roomCreate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roomList</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record and stream (Egress)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roomRecord: use the Egress APIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage ingresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingressAdmin: create and delete every ingress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hidden from other participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden: other participants do not see this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as a recorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorder: shown to others as a recording participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May register as an agent worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video.agent: may register as an Agents worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish tracks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subscribe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish &amp;data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: same as Publish tracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Update own name and metadata:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe to &amp;metrics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage &amp;agent session:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen share audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canPublishSources: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish source %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None ticked: every source. Ticked ones narrow publishing to those sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a room this participant may be forwarded to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish s&amp;ources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Des&amp;tination room:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIP: administer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sip.admin: every SIP feature (trunks, dispatch rules)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIP: place calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sip.call: outbound calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents: administer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent.admin: create, update and delete Cloud Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents: run simulations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent.simulationAdmin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents: database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent.databaseAdmin (newer than protocol v1.50.4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inference.perform: use LiveKit&apos;s LLM, STT and TTS inference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observability: write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>observability.write: publish observability data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::MainWindow</name>
    <message numerus="yes">
        <source>Token on the clipboard; cleared in %n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Clipboard cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TokenDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::MintPage</name>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not before, back-dated by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production profile: tokens minted here open your live service. Check the grants and keep the TTL short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 6h, 90m, 1h30m, 3600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to live check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not-before back-dating in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nbf is set this many seconds in the past, so a server whose clock runs a little behind still accepts the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TTL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw claims JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw JSON status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the claims as JSON; valid changes go straight to the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings before minting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mint status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mint the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims p&amp;review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ra&amp;w JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fin&amp;dings before minting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles yet: add one on the Profiles page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a profile on the Profiles page to mint tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has no form for %1 profiles yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no profile selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no form for %1 profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot mint: this build has no form for %1 profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot mint: no profile. Add one on the Profiles page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot mint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot mint: the profile&apos;s secrets cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to mint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to mint: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minted, but History could not record it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minted at %1 and recorded in History.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mint again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; no longer exists. Create it again, or mint with another profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is no longer a %2 profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form cannot show the recorded claims: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid JSON: %1. The form keeps its last good state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The claims must be a JSON object in { }. The form keeps its last good state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form cannot show this: %1. It keeps its last good state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied to the form.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::PolicyEditor</name>
    <message>
        <source>Request fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the &amp;contract&apos;s own fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request fields a client may send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LiveKit grants every token gets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed LiveKit grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitsi features every token gets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed Jitsi features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client may ask for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room a&amp;dmin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hidden participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;corder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;admin grants (create, list, record, ingress, agent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the contract&apos;s own request fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any room, e.g. demo-[a-z0-9-]+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest room name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest token lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1h (the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token lifetime when the client asks for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the longest allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client may ask for moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client may ask for room admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client may ask to be hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client may ask for recorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client may ask for server admin grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to cycle: always off, client&apos;s choice, always on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Room pattern:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identity pattern:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest roo&amp;m name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest identit&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max &amp;TTL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defau&amp;lt TTL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: always on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: always off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the client&apos;s choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an endpoint to edit its policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mints no token and has no policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::ProfileService</name>
    <message>
        <source>no profile named %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::RequestLogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::RequestLogPanel</name>
    <message>
        <source>C&amp;lear log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by path, status, origin, identity, room, reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::ResultPanel</name>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires in %1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires in %1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires in %1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy lin&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who the token lets in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token (a credential)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mint a token to see it here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join link (a credential)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the join link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the join link in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code of the join link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token (credential):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join &amp;link (credential):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard cleared (or replaced since).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no join link: the profile has no server URL, or the claims name no concrete room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone with this token can act as %1 until %2. Share it like a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone with this link can join as %1 until %2. Share it like a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No QR code without a join link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link is too long for a QR code (%1 characters). Copy it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan to join on a phone (a credential, like the link).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. Automatic clearing is off in Settings: clear the clipboard yourself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::RoomConfigBox</name>
    <message>
        <source>Room configuration JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a&amp;gent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents to dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an agent to dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room configuration check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents dispatched when the room is created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roomConfig: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the JSON above first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No room configuration: the server&apos;s defaults apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room configuration is valid; it applies when this token creates the room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room configuration problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::ServerPage</name>
    <message>
        <source>Copy U&amp;RL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or stop the token server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a server config file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the server config file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the selected endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer keys (with any, every request needs one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read (%2); the page starts with an empty config.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server config could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no profile named %1; add it on the Profiles page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy of this endpoint has an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and start the server to listen on the new address or port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not start: the config has an error (shown beside it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1 without bearer keys: anyone who can reach this address can mint tokens. Generate a key on the Access tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1 in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an endpoint to see how to call it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import server config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server config (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a server config: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export server config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server config (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::SettingsDialog</name>
    <message>
        <source>&amp;Keep token strings in history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the clipboard after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear copied tokens after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default TTL for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durations like 6h, 90m, 1h30m or seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default TTL, %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (system keychain, else encrypted vault)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted vault file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect the next time TokenDesk starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret store:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;history for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep token strings in history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens are credentials: anyone who reads the history file can use them until they expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default TTL for %1: use a duration such as 6h, 90m or 3600</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::SnippetPanel</name>
    <message>
        <source>Show the &amp;bearer key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy c&amp;url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy fetc&amp;h()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>curl command for the selected endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetch() snippet for the selected endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the bearer key in the snippets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the curl command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the fetch() snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;curl:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;fetch():</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bearer keys: any client on this machine can call the endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the key in %1. Copying gives the working line; it is cleared from the clipboard after a while.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::TriStateComboBox</name>
    <message>
        <source>unset (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unset leaves the claim out of the token, so LiveKit applies its default: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Show the secret while this is on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Choose a passphrase for the new vault %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of the vault %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the vault stays locked: no passphrase given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted vault %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system keychain, or the encrypted vault if none answers (opened at first use)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
