<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>td::ui::AccessEditor</name>
    <message>
        <source>Allow other &amp;machines to connect (needs bearer keys to be safe)</source>
        <translation>允許其他機器連線（需有存取金鑰才安全）(&amp;M)</translation>
    </message>
    <message>
        <source>A&amp;dd origin</source>
        <translation>新增來源(&amp;D)</translation>
    </message>
    <message>
        <source>Remove origin</source>
        <translation>移除來源</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>監聽位址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任一可用連接埠</translation>
    </message>
    <message>
        <source>Allow other machines to connect</source>
        <translation>允許其他機器連線</translation>
    </message>
    <message>
        <source>Origin to allow</source>
        <translation>要允許的來源</translation>
    </message>
    <message>
        <source>Add origin</source>
        <translation>新增來源</translation>
    </message>
    <message>
        <source>Allowed origins</source>
        <translation>允許的來源</translation>
    </message>
    <message>
        <source>Remove the selected origin</source>
        <translation>移除所選來源</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>監聽</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>位址(&amp;A)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>連接埠(&amp;O)：</translation>
    </message>
    <message>
        <source>Allowed origins (browsers calling from other pages get 403)</source>
        <translation>允許的來源（從其他網頁發出呼叫的瀏覽器會收到 403）</translation>
    </message>
    <message>
        <source>Wildcards are not allowed: list each origin, like http://localhost:3000.</source>
        <translation>不允許使用萬用字元：請逐一列出每個來源，例如 http://localhost:3000。</translation>
    </message>
    <message>
        <source>“%1” is not an origin: give the scheme, host and port only, like http://localhost:3000.</source>
        <translation>「%1」不是來源：只需提供通訊協定、主機與連接埠，例如 http://localhost:3000。</translation>
    </message>
    <message>
        <source>%1 is already allowed.</source>
        <translation>%1 已在允許清單中。</translation>
    </message>
</context>
<context>
    <name>td::ui::AgoraForm</name>
    <message>
        <source>Agora token problem</source>
        <translation>Agora 權杖有問題</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>頻道</translation>
    </message>
    <message>
        <source>the RTC channel, under 64 bytes</source>
        <translation>RTC 頻道，少於 64 位元組</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>publisher: join and publish</source>
        <translation>publisher：加入並發布</translation>
    </message>
    <message>
        <source>subscriber: join only</source>
        <translation>subscriber：只能加入</translation>
    </message>
    <message>
        <source>A subscriber is kept from publishing only where co-host authentication is enabled for the project</source>
        <translation>只有在專案啟用了連麥（co-host）驗證時，subscriber 才會被禁止發布</translation>
    </message>
    <message>
        <source>Privileges last</source>
        <translation>權限有效期</translation>
    </message>
    <message>
        <source>empty: as long as the token (e.g. 10m)</source>
        <translation>留空：與權杖相同（例如 10m）</translation>
    </message>
    <message>
        <source>RTM user ID</source>
        <translation>RTM 使用者 ID</translation>
    </message>
    <message>
        <source>empty: no RTM login</source>
        <translation>留空：不含 RTM 登入</translation>
    </message>
    <message>
        <source>Chat user ID</source>
        <translation>Chat 使用者 ID</translation>
    </message>
    <message>
        <source>empty: no Chat service</source>
        <translation>留空：不含 Chat 服務</translation>
    </message>
    <message>
        <source>Ch&amp;annel:</source>
        <translation>頻道(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;User (uid or account):</source>
        <translation>使用者（uid 或帳號）(&amp;U)：</translation>
    </message>
    <message>
        <source>Rol&amp;e:</source>
        <translation>角色(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Privileges last:</source>
        <translation>權限有效期(&amp;P)：</translation>
    </message>
    <message>
        <source>RT&amp;M user ID:</source>
        <translation>RTM 使用者 ID(&amp;M)：</translation>
    </message>
    <message>
        <source>Chat user I&amp;D:</source>
        <translation>Chat 使用者 ID(&amp;D)：</translation>
    </message>
    <message>
        <source>uid (42; 0: any user) or account (alice)</source>
        <translation>uid（42；0：任何使用者）或帳號（alice）</translation>
    </message>
</context>
<context>
    <name>td::ui::BatchPage</name>
    <message>
        <source>Batch and permission matrix</source>
        <translation>批次與權限矩陣</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Permission matrix</source>
        <translation>權限矩陣</translation>
    </message>
</context>
<context>
    <name>td::ui::BatchTab</name>
    <message>
        <source>Add &amp;row</source>
        <translation>新增列(&amp;R)</translation>
    </message>
    <message>
        <source>Remove rows</source>
        <translation>移除列</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼上(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>匯入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Mint all</source>
        <translation>全部簽發(&amp;M)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Batch error</source>
        <translation>批次錯誤</translation>
    </message>
    <message>
        <source>Profile to mint with</source>
        <translation>簽發所用的設定檔</translation>
    </message>
    <message>
        <source>Room for rows without one</source>
        <translation>未指定房間的列所用的房間</translation>
    </message>
    <message>
        <source>the profile&apos;s default room</source>
        <translation>設定檔的預設房間</translation>
    </message>
    <message>
        <source>Lifetime for rows without a ttl</source>
        <translation>未指定 ttl 的列所用的有效期限</translation>
    </message>
    <message>
        <source>the profile&apos;s or provider&apos;s default (10m, 1h, 6h)</source>
        <translation>設定檔或服務商的預設值（10m、1h、6h）</translation>
    </message>
    <message>
        <source>Add a column</source>
        <translation>新增欄</translation>
    </message>
    <message>
        <source>Add &amp;column</source>
        <translation>新增欄(&amp;C)</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>新增一列</translation>
    </message>
    <message>
        <source>Remove the selected rows</source>
        <translation>移除所選的列</translation>
    </message>
    <message>
        <source>Paste rows from the clipboard</source>
        <translation>從剪貼簿貼上列</translation>
    </message>
    <message>
        <source>Cells copied from a spreadsheet (tab-separated) or CSV text; a first line naming columns is used as the header</source>
        <translation>從試算表複製的儲存格（以定位字元分隔）或 CSV 文字；若第一行是欄名，會當成標題列</translation>
    </message>
    <message>
        <source>Import rows from a CSV or JSON file</source>
        <translation>從 CSV 或 JSON 檔案匯入列</translation>
    </message>
    <message>
        <source>Export the rows and their tokens</source>
        <translation>匯出各列及其權杖</translation>
    </message>
    <message>
        <source>CSV or JSON, readable only by you: the file holds live tokens</source>
        <translation>CSV 或 JSON，僅限您本人讀取：檔案內含有效的權杖</translation>
    </message>
    <message>
        <source>Copy the selected row&apos;s token</source>
        <translation>複製所選列的權杖</translation>
    </message>
    <message>
        <source>Mint a token for every row</source>
        <translation>為每一列簽發權杖</translation>
    </message>
    <message>
        <source>Cancel the run</source>
        <translation>取消執行</translation>
    </message>
    <message>
        <source>Rows minted</source>
        <translation>已簽發的列</translation>
    </message>
    <message>
        <source>Rows to mint</source>
        <translation>要簽發的列</translation>
    </message>
    <message>
        <source>This profile is tagged prod: the fixed clock and seed of golden output (tokendesk-cli batch --clock --seed) are refused for it.</source>
        <translation>此設定檔標記為 prod：不允許對它使用固定時鐘與種子產生可重現輸出（tokendesk-cli batch --clock --seed）。</translation>
    </message>
    <message>
        <source>Default &amp;TTL:</source>
        <translation>預設 TTL(&amp;T)：</translation>
    </message>
    <message>
        <source>Import rows</source>
        <translation>匯入列</translation>
    </message>
    <message>
        <source>Rows (*.csv *.tsv *.txt *.json *.jsonl)</source>
        <translation>列（*.csv *.tsv *.txt *.json *.jsonl）</translation>
    </message>
    <message>
        <source>Export rows and tokens</source>
        <translation>匯出列與權杖</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV（*.csv）;;JSON（*.json）</translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation>無法貼上：%1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot tell the format of %1: use .csv, .tsv or .json</source>
        <translation>無法判斷 %1 的格式：請使用 .csv、.tsv 或 .json</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 (the rows before it were imported)</source>
        <translation>%1：%2（在此之前的列已匯入）</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s) from %1.</source>
        <translation>
            <numerusform>已從 %1 匯入 %n 列。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot tell the format of %1: use .csv or .json</source>
        <translation>無法判斷 %1 的格式：請使用 .csv 或 .json</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1 (readable only by you).</source>
        <translation>
            <numerusform>已將 %n 列寫入 %1（僅限您本人讀取）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a profile first (add one on the Profiles page).</source>
        <translation>請先選擇設定檔（可在「設定檔」頁面新增）。</translation>
    </message>
    <message>
        <source>Cannot read the secrets of %1: %2</source>
        <translation>無法讀取 %1 的密鑰：%2</translation>
    </message>
    <message>
        <source>Default TTL: %1</source>
        <translation>預設 TTL：%1</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n row(s); their tokens are kept.</source>
        <translation>
            <numerusform>已在 %n 列後取消；這些列的權杖均已保留。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 列</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 minted, %2 failed, %3 warnings</source>
        <translation>已簽發 %1，失敗 %2，警告 %3</translation>
    </message>
    <message>
        <source>Select a row with a token first.</source>
        <translation>請先選擇有權杖的列。</translation>
    </message>
    <message>
        <source>Token of line %1 copied; the clipboard is cleared later.</source>
        <translation>已複製第 %1 行的權杖；剪貼簿稍後會清除。</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) to the right of the last column were not pasted: add columns first, or paste with a header line.</source>
        <translation>
            <numerusform>最後一欄右側的 %n 個儲存格未貼上：請先新增欄，或連同標題列一起貼上。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add rows first: type them, paste them or import a file.</source>
        <translation>請先加入列：直接輸入、貼上，或匯入檔案。</translation>
    </message>
    <message>
        <source>Cop&amp;y token</source>
        <translation>複製權杖(&amp;Y)</translation>
    </message>
    <message>
        <source>Pr&amp;ofile:</source>
        <translation>設定檔(&amp;O)：</translation>
    </message>
    <message>
        <source>Defa&amp;ult room:</source>
        <translation>預設房間(&amp;U)：</translation>
    </message>
    <message>
        <source>Find a row</source>
        <translation>尋找列</translation>
    </message>
    <message>
        <source>Find (Ctrl+F), Enter for the next</source>
        <translation>尋找（Ctrl+F），按 Enter 找下一個</translation>
    </message>
    <message>
        <source>Minted, but History could not record the rows: %1</source>
        <translation>已簽發，但歷程記錄無法記錄這些列：%1</translation>
    </message>
</context>
<context>
    <name>td::ui::BatchTableModel</name>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>token</source>
        <translation>權杖</translation>
    </message>
    <message>
        <source>join link</source>
        <translation>加入連結</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>error / warning</source>
        <translation>錯誤／警告</translation>
    </message>
</context>
<context>
    <name>td::ui::BearerKeyEditor</name>
    <message>
        <source>Cop&amp;y key</source>
        <translation>複製金鑰(&amp;Y)</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>移除金鑰</translation>
    </message>
    <message>
        <source>New key (shown this once; copy it now):</source>
        <translation>新金鑰（只顯示這一次，請立即複製）：</translation>
    </message>
    <message>
        <source>Copy new key</source>
        <translation>複製新金鑰</translation>
    </message>
    <message>
        <source>Bearer keys</source>
        <translation>存取金鑰</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>變數</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>金鑰</translation>
    </message>
    <message>
        <source>Name of the new key</source>
        <translation>新金鑰的名稱</translation>
    </message>
    <message>
        <source>web-dev</source>
        <translation>web-dev</translation>
    </message>
    <message>
        <source>Generate a bearer key</source>
        <translation>產生存取金鑰</translation>
    </message>
    <message>
        <source>Copy the selected bearer key</source>
        <translation>複製所選的存取金鑰</translation>
    </message>
    <message>
        <source>Remove the selected bearer key</source>
        <translation>移除所選的存取金鑰</translation>
    </message>
    <message>
        <source>New bearer key</source>
        <translation>新的存取金鑰</translation>
    </message>
    <message>
        <source>Copy the new bearer key</source>
        <translation>複製新的存取金鑰</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>Keys are kept in %1. The config names each key&apos;s variable, so tokendesk-cli serve uses the same key, from that variable when it is set, else from the store.</source>
        <translation>金鑰保存在 %1。組態中記錄了每把金鑰對應的變數，因此 tokendesk-cli serve 會使用同一把金鑰：已設定該變數時從變數讀取，否則從儲存區讀取。</translation>
    </message>
    <message>
        <source>not set: export %1</source>
        <translation>未設定：export %1</translation>
    </message>
    <message>
        <source>No key was generated: %1</source>
        <translation>未產生金鑰：%1</translation>
    </message>
    <message>
        <source>The key could not be stored: %1</source>
        <translation>無法儲存金鑰：%1</translation>
    </message>
    <message>
        <source>Remove bearer key</source>
        <translation>移除存取金鑰</translation>
    </message>
    <message>
        <source>Remove the key in %1? Clients that use it get 401 from then on.</source>
        <translation>要移除變數 %1 的金鑰嗎？之後使用此金鑰的用戶端都會收到 401。</translation>
    </message>
    <message>
        <source>The key could not be removed from the store: %1</source>
        <translation>無法從儲存區移除金鑰：%1</translation>
    </message>
    <message>
        <source>Generate &amp;key</source>
        <translation>產生金鑰(&amp;K)</translation>
    </message>
</context>
<context>
    <name>ConfigErrors</name>
    <message>
        <source>Path</source>
        <translation>路徑</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>設定檔</translation>
    </message>
    <message>
        <source>Environment credentials</source>
        <translation>環境變數憑證</translation>
    </message>
    <message>
        <source>Room pattern</source>
        <translation>房間樣式</translation>
    </message>
    <message>
        <source>Identity pattern</source>
        <translation>身分樣式</translation>
    </message>
    <message>
        <source>Max TTL</source>
        <translation>最長 TTL</translation>
    </message>
    <message>
        <source>Default TTL</source>
        <translation>預設 TTL</translation>
    </message>
    <message>
        <source>Request fields</source>
        <translation>請求欄位</translation>
    </message>
    <message>
        <source>LiveKit grants</source>
        <translation>LiveKit 授權</translation>
    </message>
    <message>
        <source>Jitsi features</source>
        <translation>Jitsi 功能</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Endpoints: %1</source>
        <translation>端點：%1</translation>
    </message>
    <message>
        <source>Origin %1: %2</source>
        <translation>來源 %1：%2</translation>
    </message>
    <message>
        <source>Bearer key %1: %2</source>
        <translation>存取金鑰 %1：%2</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>位址：%1</translation>
    </message>
    <message>
        <source>Port: %1</source>
        <translation>連接埠：%1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Passphrase</source>
        <translation>密語</translation>
    </message>
</context>
<context>
    <name>td::ui::EndpointEditor</name>
    <message>
        <source>&amp;Add endpoint</source>
        <translation>新增端點(&amp;A)</translation>
    </message>
    <message>
        <source>Remove endpoint</source>
        <translation>移除端點</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端點</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路徑</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Signs with</source>
        <translation>簽署憑證</translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation>新增端點</translation>
    </message>
    <message>
        <source>Endpoint path</source>
        <translation>端點路徑</translation>
    </message>
    <message>
        <source>/getToken</source>
        <translation>/getToken</translation>
    </message>
    <message>
        <source>Endpoint type</source>
        <translation>端點類型</translation>
    </message>
    <message>
        <source>Profile the endpoint signs with</source>
        <translation>端點簽署時使用的設定檔</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>路徑(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>類型(&amp;T)：</translation>
    </message>
    <message>
        <source>nothing (no token)</source>
        <translation>無（不簽發權杖）</translation>
    </message>
    <message>
        <source>environment variables</source>
        <translation>環境變數</translation>
    </message>
    <message>
        <source>No credentials needed</source>
        <translation>不需要憑證</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Environment variables (credentials: env)</source>
        <translation>環境變數（credentials: env）</translation>
    </message>
    <message>
        <source>(choose a profile)</source>
        <translation>（請選擇設定檔）</translation>
    </message>
    <message>
        <source>%1 (not usable here)</source>
        <translation>%1（此處無法使用）</translation>
    </message>
    <message>
        <source>Remove the endpoint %1 and its policy from the server config?</source>
        <translation>要從伺服器組態中移除端點 %1 及其政策嗎？</translation>
    </message>
    <message>
        <source>Pr&amp;ofile:</source>
        <translation>設定檔(&amp;O)：</translation>
    </message>
    <message>
        <source>No endpoint yet: Add endpoint makes one.</source>
        <translation>尚無端點：按「新增端點」即建立一個。</translation>
    </message>
</context>
<context>
    <name>td::ui::HistoryModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已過期</translation>
    </message>
    <message>
        <source>in %1 d %2 h</source>
        <translation>剩餘 %1 天 %2 小時</translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation>剩餘 %1 小時 %2 分</translation>
    </message>
    <message>
        <source>in %1 min %2 s</source>
        <translation>剩餘 %1 分 %2 秒</translation>
    </message>
    <message>
        <source>in %1 s</source>
        <translation>剩餘 %1 秒</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>The expiry of this token was not recorded</source>
        <translation>未記錄此權杖的到期時間</translation>
    </message>
    <message>
        <source>Expires %1 (local), %2 UTC</source>
        <translation>到期時間：%1（本地時間），%2 UTC</translation>
    </message>
    <message>
        <source>Only the metadata was kept, not the token string</source>
        <translation>只保留了中繼資料，未保留權杖字串</translation>
    </message>
    <message>
        <source>The token string is kept in history: it is a credential until it expires</source>
        <translation>權杖字串保存在歷程記錄中：在到期前它都是有效的憑證</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>供應商</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>設定檔</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身分</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房間</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>授權</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期時間</translation>
    </message>
    <message>
        <source>Token kept</source>
        <translation>保留權杖</translation>
    </message>
</context>
<context>
    <name>td::ui::HistoryPage</name>
    <message>
        <source>&amp;Re-mint</source>
        <translation>重新簽發(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy token</source>
        <translation>複製權杖(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <source>Clear &amp;all</source>
        <translation>全部清除(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>匯出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Keep &amp;token strings in history</source>
        <translation>在歷程記錄中保留權杖字串(&amp;T)</translation>
    </message>
    <message>
        <source>Filter history</source>
        <translation>篩選歷程記錄</translation>
    </message>
    <message>
        <source>Minted tokens</source>
        <translation>已簽發的權杖</translation>
    </message>
    <message>
        <source>Re-mint the selected entry</source>
        <translation>重新簽發所選項目</translation>
    </message>
    <message>
        <source>Open the Mint page with the same claims (new times, new signature)</source>
        <translation>以相同宣告開啟「簽發」頁面（時間與簽章皆為新的）</translation>
    </message>
    <message>
        <source>Copy the selected entry&apos;s token</source>
        <translation>複製所選項目的權杖</translation>
    </message>
    <message>
        <source>Only for entries that kept their token string; the clipboard is cleared later</source>
        <translation>僅適用於保留了權杖字串的項目；剪貼簿稍後會清除</translation>
    </message>
    <message>
        <source>Delete the selected entry</source>
        <translation>刪除所選項目</translation>
    </message>
    <message>
        <source>Clear all history</source>
        <translation>清除所有歷程記錄</translation>
    </message>
    <message>
        <source>Export the listed entries as CSV</source>
        <translation>將列出的項目匯出為 CSV</translation>
    </message>
    <message>
        <source>Writes the entries the filter shows, in the order shown</source>
        <translation>依目前的顯示順序，寫出篩選後顯示的項目</translation>
    </message>
    <message>
        <source>Days to keep history</source>
        <translation>歷程記錄保留天數</translation>
    </message>
    <message>
        <source>forever</source>
        <translation>永久</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Keep token strings in history</source>
        <translation>在歷程記錄中保留權杖字串</translation>
    </message>
    <message>
        <source>Tokens are credentials: anyone who can read the history file can join as that identity until the token expires. Off, history keeps only the metadata above.</source>
        <translation>權杖是憑證：任何能讀取歷程記錄檔案的人，在權杖到期前都能以該身分加入。關閉時，歷程記錄只保留上述中繼資料。</translation>
    </message>
    <message>
        <source>History settings</source>
        <translation>歷程記錄設定</translation>
    </message>
    <message>
        <source>The history cannot be read: %1</source>
        <translation>無法讀取歷程記錄：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged line(s) in %1 could not be read and were skipped.</source>
        <translation>
            <numerusform>%1 中有 %n 行已損毀，無法讀取，已略過。</numerusform>
        </translation>
    </message>
    <message>
        <source>Old entries could not be removed: %1</source>
        <translation>無法移除舊項目：%1</translation>
    </message>
    <message>
        <source>No entry matches the filter.</source>
        <translation>沒有符合篩選條件的項目。</translation>
    </message>
    <message>
        <source>No mints recorded yet. Every token you mint appears here with its identity, room, grants and expiry; the token string itself only if you keep token strings below.</source>
        <translation>尚無簽發記錄。您簽發的每個權杖都會連同身分、房間、授權與到期時間顯示在這裡；只有在下方選擇保留權杖字串時，才會一併保存權杖字串本身。</translation>
    </message>
    <message>
        <source>Re-mint</source>
        <translation>重新簽發</translation>
    </message>
    <message>
        <source>The claims of this entry cannot be read back (%1). Set them on the Mint page instead.</source>
        <translation>無法讀回此項目的宣告（%1）。請改在「簽發」頁面設定。</translation>
    </message>
    <message numerus="yes">
        <source>Token copied; the clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>已複製權杖；剪貼簿將在 %n 秒後清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Token copied.</source>
        <translation>已複製權杖。</translation>
    </message>
    <message>
        <source>the token for %1</source>
        <translation>%1 的權杖</translation>
    </message>
    <message>
        <source>the token for %1 in %2</source>
        <translation>%1 在房間 %2 的權杖</translation>
    </message>
    <message>
        <source>Delete history entry</source>
        <translation>刪除歷程記錄項目</translation>
    </message>
    <message>
        <source>Delete %1 from the history? This cannot be undone.</source>
        <translation>要從歷程記錄中刪除 %1 嗎？此動作無法復原。</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>清除歷程記錄</translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n history entry(ies)? This cannot be undone.</source>
        <translation>
            <numerusform>要刪除全部 %n 筆歷程記錄嗎？此動作無法復原。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export history as CSV</source>
        <translation>將歷程記錄匯出為 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 檔案 (*.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>匯出歷程記錄</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entry(ies) to %1.</source>
        <translation>
            <numerusform>已將 %n 筆項目匯出至 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file holds %n token string(s): keep it private.</source>
        <translation>
            <numerusform>此檔案含有 %n 個權杖字串：請妥善保管，切勿外流。</numerusform>
        </translation>
    </message>
    <message>
        <source>Shorten history</source>
        <translation>縮短歷程記錄</translation>
    </message>
    <message numerus="yes">
        <source>Keeping history for %1 days deletes %n older entry(ies) now. Continue?</source>
        <translation>
            <numerusform>將歷程記錄保留期改為 %1 天，會立即刪除 %n 筆較舊的項目。要繼續嗎？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n old entry(ies) removed.</source>
        <translation>
            <numerusform>已移除 %n 筆舊項目。</numerusform>
        </translation>
    </message>
    <message>
        <source>Forget kept tokens</source>
        <translation>清除已保留的權杖</translation>
    </message>
    <message numerus="yes">
        <source>%n token string(s) are already kept in history. Remove them now? The rest of each entry stays.</source>
        <translation>
            <numerusform>歷程記錄中已保留 %n 個權杖字串。要立即移除嗎？各項目的其他內容會保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation>篩選(&amp;L)：</translation>
    </message>
    <message>
        <source>Keep histor&amp;y for:</source>
        <translation>歷程記錄保留(&amp;Y)：</translation>
    </message>
    <message>
        <source>Profile, identity, room or grants (Ctrl+F)</source>
        <translation>設定檔、身分、房間或授權（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>td::ui::HmsForm</name>
    <message>
        <source>Management token (&amp;REST API, no room)</source>
        <translation>管理權杖（REST API，不含房間）(&amp;R)</translation>
    </message>
    <message>
        <source>100ms claims problem</source>
        <translation>100ms 宣告有問題</translation>
    </message>
    <message>
        <source>Management token</source>
        <translation>管理權杖</translation>
    </message>
    <message>
        <source>type management: calls the 100ms REST API for the whole workspace; keep it on servers</source>
        <translation>type management：可呼叫整個工作區的 100ms REST API；請只放在伺服器上</translation>
    </message>
    <message>
        <source>Room ID</source>
        <translation>房間 ID</translation>
    </message>
    <message>
        <source>the room&apos;s ID from the dashboard, e.g. 6421a1b2c3d4e5f6a7b8c9d0</source>
        <translation>主控台上的房間 ID，例如 6421a1b2c3d4e5f6a7b8c9d0</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>使用者 ID</translation>
    </message>
    <message>
        <source>your user&apos;s ID, e.g. alice</source>
        <translation>您的使用者 ID，例如 alice</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>role: one of the room template&apos;s roles; the template decides what it may publish and subscribe to</source>
        <translation>role：房間範本中的某個角色；可發布與訂閱的內容由範本決定</translation>
    </message>
    <message>
        <source>Roo&amp;m ID:</source>
        <translation>房間 ID(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>使用者 ID(&amp;U)：</translation>
    </message>
    <message>
        <source>Rol&amp;e:</source>
        <translation>角色(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>td::ui::ImportDialog</name>
    <message>
        <source>Import profiles</source>
        <translation>匯入設定檔</translation>
    </message>
    <message numerus="yes">
        <source>Found %n profile(s) in %1. Tick the ones to import:</source>
        <translation>
            <numerusform>在 %1 中找到 %n 個設定檔。請勾選要匯入的項目：</numerusform>
        </translation>
    </message>
    <message>
        <source>Profiles found</source>
        <translation>找到的設定檔</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <source>cannot be imported: %1</source>
        <translation>無法匯入：%1</translation>
    </message>
    <message>
        <source>replaces the existing profile of that name (you will be asked)</source>
        <translation>將取代同名的既有設定檔（會先詢問您）</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
    <message>
        <source>Import the ticked profiles</source>
        <translation>匯入已勾選的設定檔</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>td::ui::InspectPage</name>
    <message>
        <source>&amp;Inspect</source>
        <translation>檢視(&amp;I)</translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>比較(&amp;M)</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>權杖</translation>
    </message>
    <message>
        <source>Paste or drop a token, a join link or an Authorization header</source>
        <translation>貼上或拖放權杖、加入連結或 Authorization 標頭</translation>
    </message>
    <message>
        <source>Verify with</source>
        <translation>驗證方式</translation>
    </message>
    <message>
        <source>A stored profile, or the key and secret typed below</source>
        <translation>已儲存的設定檔，或在下方輸入的金鑰與密鑰</translation>
    </message>
    <message>
        <source>Key or application ID</source>
        <translation>金鑰或應用程式 ID</translation>
    </message>
    <message>
        <source>API key / AppID / app_id (optional)</source>
        <translation>API key / AppID / app_id（選填）</translation>
    </message>
    <message>
        <source>Verification secret</source>
        <translation>驗證用密鑰</translation>
    </message>
    <message>
        <source>Secret to verify with (optional)</source>
        <translation>用於驗證的密鑰（選填）</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>檢視</translation>
    </message>
    <message>
        <source>Header and claims</source>
        <translation>標頭與宣告</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>宣告</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>檢查結果</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>權限</translation>
    </message>
    <message>
        <source>Second token</source>
        <translation>第二個權杖</translation>
    </message>
    <message>
        <source>Paste a second token to compare with the first</source>
        <translation>貼上第二個權杖，與第一個權杖比較</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Claim by claim comparison</source>
        <translation>逐一比較宣告</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>第一個權杖</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>權杖(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Verify with:</source>
        <translation>驗證方式(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Key / ID:</source>
        <translation>金鑰 / ID(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>密鑰(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;econd token:</source>
        <translation>第二個權杖(&amp;E)：</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細資料</translation>
    </message>
    <message>
        <source>Compare two tokens</source>
        <translation>比較兩個權杖</translation>
    </message>
    <message>
        <source>Key and secret typed below</source>
        <translation>在下方輸入的金鑰與密鑰</translation>
    </message>
    <message>
        <source>the profile %1 is gone</source>
        <translation>設定檔 %1 已不存在</translation>
    </message>
    <message>
        <source>Not a token (%1): %2</source>
        <translation>不是權杖（%1）：%2</translation>
    </message>
    <message>
        <source>first</source>
        <translation>第一個</translation>
    </message>
    <message>
        <source>second</source>
        <translation>第二個</translation>
    </message>
    <message>
        <source>different values</source>
        <translation>值不同</translation>
    </message>
    <message>
        <source>only in the first token</source>
        <translation>僅存在於第一個權杖</translation>
    </message>
    <message>
        <source>only in the second token</source>
        <translation>僅存在於第二個權杖</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) and %3 (%4): %n claim(s) differ</source>
        <translation>
            <numerusform>%1（%2）與 %3（%4）：%n 個宣告不同</numerusform>
        </translation>
    </message>
    <message>
        <source>That file is not a token (too large or unreadable).</source>
        <translation>該檔案不是權杖（太大或無法讀取）。</translation>
    </message>
    <message>
        <source>header</source>
        <translation>標頭</translation>
    </message>
    <message>
        <source>claims</source>
        <translation>宣告</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>無檢查結果</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Permissions and times</source>
        <translation>權限與時間</translation>
    </message>
    <message>
        <source>Reading the token…</source>
        <translation>正在讀取權杖…</translation>
    </message>
    <message>
        <source>Paste a token above: it is decoded as you paste.</source>
        <translation>在上方貼上權杖：貼上時即會解碼。</translation>
    </message>
    <message>
        <source>Not a token</source>
        <translation>不是權杖</translation>
    </message>
    <message>
        <source>Cannot verify with this profile</source>
        <translation>無法以此設定檔驗證</translation>
    </message>
    <message>
        <source>%1
local: %2
UTC: %3</source>
        <translation>%1
本地：%2
UTC：%3</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1（%2）· %3</translation>
    </message>
    <message>
        <source> with profile %1, picked because its key or AppID matches the token</source>
        <translation>，使用設定檔 %1（因其金鑰或 AppID 與權杖相符而自動選取）</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>無到期時間</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>Invalid: the signature does not match</source>
        <translation>無效：簽章不符</translation>
    </message>
    <message>
        <source>%1. Changed after signing, or signed with another secret than the one used%2.</source>
        <translation>%1。簽署後遭修改，或簽署所用的密鑰並非本次所用%2。</translation>
    </message>
    <message>
        <source>Invalid: %1</source>
        <translation>無效：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1. %n more problem(s) under Findings.</source>
        <translation>
            <numerusform>%1。「檢查結果」中另有 %n 個問題。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not verified: signature not checked</source>
        <translation>未驗證：未檢查簽章</translation>
    </message>
    <message>
        <source>%1, %2. Decoded only: choose a profile, or type the key and secret, to check the signature.</source>
        <translation>%1，%2。僅已解碼：請選擇設定檔，或輸入金鑰與密鑰以檢查簽章。</translation>
    </message>
    <message>
        <source>Valid within leeway: %1</source>
        <translation>在寬限期內有效：%1</translation>
    </message>
    <message>
        <source>%1. Signature verified%2.</source>
        <translation>%1。簽章已驗證%2。</translation>
    </message>
    <message>
        <source>Valid: signature verified%1</source>
        <translation>有效：簽章已驗證%1</translation>
    </message>
    <message>
        <source>%1, %2.</source>
        <translation>%1，%2。</translation>
    </message>
    <message>
        <source>Permissions and times: claimed, not verified</source>
        <translation>權限與時間：僅為聲明，未經驗證</translation>
    </message>
    <message>
        <source>%1 (claimed)</source>
        <translation>%1（聲明）</translation>
    </message>
</context>
<context>
    <name>td::ui::JitsiForm</name>
    <message>
        <source>Start a live stream of the meeting (for example to YouTube).</source>
        <translation>開始會議直播（例如直播到 YouTube）。</translation>
    </message>
    <message>
        <source>Record the meeting.</source>
        <translation>錄製會議。</translation>
    </message>
    <message>
        <source>Turn on live captions and the meeting transcript.</source>
        <translation>開啟即時字幕與會議逐字稿。</translation>
    </message>
    <message>
        <source>Let SIP devices (room systems) call into the meeting.</source>
        <translation>讓 SIP 裝置（會議室系統）撥入會議。</translation>
    </message>
    <message>
        <source>Invite a SIP device or room system from the meeting.</source>
        <translation>從會議中邀請 SIP 裝置或會議室系統。</translation>
    </message>
    <message>
        <source>Let people dial into the meeting by phone.</source>
        <translation>讓他人以電話撥入會議。</translation>
    </message>
    <message>
        <source>Call a phone number out of the meeting (dial-out).</source>
        <translation>從會議撥打電話號碼（dial-out）。</translation>
    </message>
    <message>
        <source>Share files with the other participants.</source>
        <translation>與其他參與者分享檔案。</translation>
    </message>
    <message>
        <source>See the list of visitors (viewers who are not participants).</source>
        <translation>查看訪客清單（非參與者的觀看者）。</translation>
    </message>
    <message>
        <source>Write in the meeting&apos;s group chat (needs advanced branding on JaaS).</source>
        <translation>在會議的群組聊天中發言（在 JaaS 上需有進階品牌功能）。</translation>
    </message>
    <message>
        <source>Create polls (needs advanced branding on JaaS).</source>
        <translation>建立投票（在 JaaS 上需有進階品牌功能）。</translation>
    </message>
    <message>
        <source>Apply the tenant&apos;s dynamic branding to the meeting.</source>
        <translation>將租用戶的動態品牌套用到會議。</translation>
    </message>
    <message>
        <source>Use the calendar integration.</source>
        <translation>使用行事曆整合。</translation>
    </message>
    <message>
        <source>Move this user&apos;s session to another device without leaving the meeting.</source>
        <translation>將此使用者的工作階段移到另一台裝置，而不必離開會議。</translation>
    </message>
    <message>
        <source>Manage the lobby: admit or refuse people who wait to join.</source>
        <translation>管理大廳：允許或拒絕等候加入的人。</translation>
    </message>
    <message>
        <source>Use the moderation tools (audio and video moderation of the other participants).</source>
        <translation>使用主持工具（管理其他參與者的音訊與視訊）。</translation>
    </message>
    <message>
        <source>Room-wide settings the Meet client keeps behind its &quot;room&quot; feature.</source>
        <translation>Meet 用戶端以其「room」功能控管的全房間設定。</translation>
    </message>
    <message>
        <source>Share the screen with the other participants.</source>
        <translation>與其他參與者分享螢幕。</translation>
    </message>
    <message>
        <source>A feature the Jitsi Meet client knows.</source>
        <translation>Jitsi Meet 用戶端認得的功能。</translation>
    </message>
    <message>
        <source>&amp;Any room (*)</source>
        <translation>任何房間（*）(&amp;A)</translation>
    </message>
    <message>
        <source>Rooms matching a &amp;pattern</source>
        <translation>符合樣式的房間(&amp;P)</translation>
    </message>
    <message>
        <source>Room check</source>
        <translation>房間檢查</translation>
    </message>
    <message>
        <source>Claims the form cannot show</source>
        <translation>表單無法顯示的宣告</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房間</translation>
    </message>
    <message>
        <source>One room</source>
        <translation>單一房間</translation>
    </message>
    <message>
        <source>The token admits its holder to this room only (Prosody compares it lower-cased).</source>
        <translation>權杖只允許持有者進入此房間（Prosody 以小寫比對）。</translation>
    </message>
    <message>
        <source>Any room</source>
        <translation>任何房間</translation>
    </message>
    <message>
        <source>room &quot;*&quot;: the token admits its holder to every room of the tenant or domain.</source>
        <translation>room &quot;*&quot;：權杖允許持有者進入該租用戶或網域的所有房間。</translation>
    </message>
    <message>
        <source>Room pattern</source>
        <translation>房間樣式</translation>
    </message>
    <message>
        <source>Sets context.room.regex: Prosody applies the room claim as a Lua pattern (string.match, anchored), not as a JavaScript or PCRE regular expression.</source>
        <translation>設定 context.room.regex：Prosody 會將 room 宣告當作 Lua 樣式（string.match，錨定整個名稱）套用，而不是 JavaScript 或 PCRE 正規表示式。</translation>
    </message>
    <message>
        <source>Room name or pattern</source>
        <translation>房間名稱或樣式</translation>
    </message>
    <message>
        <source>User (context.user)</source>
        <translation>使用者（context.user）</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>使用者 ID</translation>
    </message>
    <message>
        <source>User display name</source>
        <translation>使用者顯示名稱</translation>
    </message>
    <message>
        <source>User email</source>
        <translation>使用者電子郵件</translation>
    </message>
    <message>
        <source>Avatar URL</source>
        <translation>頭像 URL</translation>
    </message>
    <message>
        <source>https://example.com/avatar.png</source>
        <translation>https://example.com/avatar.png</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>JaaS tokens always state context.user.moderator (&quot;true&quot; or &quot;false&quot;). JaaS applies the features only to moderators.</source>
        <translation>JaaS 權杖一律會寫明 context.user.moderator（&quot;true&quot; 或 &quot;false&quot;）。JaaS 只對主持人套用功能設定。</translation>
    </message>
    <message>
        <source>Hidden from recorder</source>
        <translation>不被錄製</translation>
    </message>
    <message>
        <source>context.user.hidden-from-recorder: keep this user out of recordings and live streams.</source>
        <translation>context.user.hidden-from-recorder：錄影與直播中不會出現此使用者。</translation>
    </message>
    <message>
        <source>User &amp;ID:</source>
        <translation>使用者 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>顯示名稱(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>電子郵件(&amp;E)：</translation>
    </message>
    <message>
        <source>A&amp;vatar URL:</source>
        <translation>頭像 URL(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Moderator:</source>
        <translation>主持人(&amp;M)：</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>隸屬角色</translation>
    </message>
    <message>
        <source>context.user.affiliation (Prosody&apos;s token_affiliation module): owner, moderator and teacher join as moderator, member as a participant.</source>
        <translation>context.user.affiliation（Prosody 的 token_affiliation 模組）：owner、moderator 與 teacher 以主持人身分加入，member 以一般參與者身分加入。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群組</translation>
    </message>
    <message>
        <source>context.group, bound to the session by Prosody.</source>
        <translation>context.group，由 Prosody 綁定到工作階段。</translation>
    </message>
    <message>
        <source>Features (context.features)</source>
        <translation>功能（context.features）</translation>
    </message>
    <message>
        <source>Feature %1</source>
        <translation>功能 %1</translation>
    </message>
    <message>
        <source>Documented by 8x8 for JaaS.</source>
        <translation>8x8 的 JaaS 文件中有記載。</translation>
    </message>
    <message>
        <source>Not in the Jitsi Meet client&apos;s list: the client warns about it (featureInvalid), the server does not care.</source>
        <translation>不在 Jitsi Meet 用戶端的清單中：用戶端會發出警告（featureInvalid），伺服器則不受影響。</translation>
    </message>
    <message>
        <source>Granted by Prosody&apos;s defaults when the token has no features at all.</source>
        <translation>權杖完全不含功能設定時，Prosody 預設會授予此功能。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is set when minting, from the profile and the TTL: leave it out</source>
        <translation>「%1」會在簽發時依設定檔與 TTL 自動設定：請省略</translation>
    </message>
    <message>
        <source>the form has no field for &quot;%1&quot;: the claims are room and context</source>
        <translation>表單沒有「%1」欄位：宣告只有 room 與 context</translation>
    </message>
    <message>
        <source>room must be a string</source>
        <translation>room 必須是字串</translation>
    </message>
    <message>
        <source>%1 must be an object</source>
        <translation>%1 必須是物件</translation>
    </message>
    <message>
        <source>the form has no field for context.%1</source>
        <translation>表單沒有 context.%1 欄位</translation>
    </message>
    <message>
        <source>context.group is a self-hosted Jitsi claim; JaaS tokens do not carry it</source>
        <translation>context.group 是自架 Jitsi 的宣告；JaaS 權杖不含此宣告</translation>
    </message>
    <message>
        <source>the form has no field for context.room.%1</source>
        <translation>表單沒有 context.room.%1 欄位</translation>
    </message>
    <message>
        <source>context.room.regex must be the boolean true or false</source>
        <translation>context.room.regex 必須是布林值 true 或 false</translation>
    </message>
    <message>
        <source>the form has no field for context.user.%1</source>
        <translation>表單沒有 context.user.%1 欄位</translation>
    </message>
    <message>
        <source>context.user.affiliation is read by self-hosted Prosody only; JaaS ignores it</source>
        <translation>只有自架的 Prosody 會讀取 context.user.affiliation；JaaS 會忽略它</translation>
    </message>
    <message>
        <source>context.user.%1 must be a string</source>
        <translation>context.user.%1 必須是字串</translation>
    </message>
    <message>
        <source>affiliation must be owner, member, moderator or teacher, not &quot;%1&quot;</source>
        <translation>affiliation 必須是 owner、member、moderator 或 teacher，而不是「%1」</translation>
    </message>
    <message>
        <source>Cannot show these claims: %1</source>
        <translation>無法顯示這些宣告：%1</translation>
    </message>
    <message>
        <source>room: type the room pattern, or choose &quot;Any room&quot;</source>
        <translation>room：請輸入房間樣式，或選擇「任何房間」</translation>
    </message>
    <message>
        <source>room: a room is required; type one, or choose &quot;Any room&quot;</source>
        <translation>room：必須指定房間；請輸入房間名稱，或選擇「任何房間」</translation>
    </message>
    <message>
        <source>The token admits its holder to every room; there is no join link.</source>
        <translation>權杖允許持有者進入所有房間，因此沒有加入連結。</translation>
    </message>
    <message>
        <source>Type the room pattern, a Lua pattern such as team%-%d+ (% escapes, . is any character).</source>
        <translation>請輸入房間樣式，即 Lua 樣式，例如 team%-%d+（% 用於跳脫，. 代表任一字元）。</translation>
    </message>
    <message>
        <source>A room is required: Prosody refuses a token without one. Choose &quot;Any room&quot; to admit the holder to every room.</source>
        <translation>必須指定房間：Prosody 會拒絕沒有房間的權杖。選擇「任何房間」可讓持有者進入所有房間。</translation>
    </message>
    <message>
        <source>Prosody applies a Lua pattern, where %d is a digit and % escapes; a backslash is an ordinary character there, not an escape.</source>
        <translation>Prosody 套用的是 Lua 樣式，其中 %d 代表數字，% 用於跳脫；反斜線在其中是一般字元，不是跳脫字元。</translation>
    </message>
    <message>
        <source>Lua pattern, matched against the whole room name.</source>
        <translation>Lua 樣式，比對整個房間名稱。</translation>
    </message>
    <message>
        <source>Write the room exactly as typed</source>
        <translation>房間名稱照輸入原樣寫入</translation>
    </message>
    <message>
        <source>Jitsi Meet joins a room by its URL-safe lower-case form (Team Standup is joined as team%20standup), so the claim is written that way. Tick this only for a deployment that compares the room exactly as typed.</source>
        <translation>Jitsi Meet 以房間名稱的網址安全小寫形式加入房間（Team Standup 會以 team%20standup 加入），因此宣告也這樣寫入。只有在部署會照輸入原樣比對房間名稱時才勾選此項。</translation>
    </message>
    <message>
        <source>Written as %1, the name Jitsi Meet joins.</source>
        <translation>寫入為 %1，也就是 Jitsi Meet 加入時使用的名稱。</translation>
    </message>
    <message>
        <source>&amp;Room name:</source>
        <translation>房間名稱(&amp;R)：</translation>
    </message>
    <message>
        <source>not set (not moderator, unless the affiliation says so)</source>
        <translation>未設定（非主持人，除非 affiliation 另有指定）</translation>
    </message>
    <message>
        <source>context.user.moderator &quot;true&quot; makes Prosody give the user the owner affiliation, so they join as moderator. Not set leaves the claim out.</source>
        <translation>context.user.moderator 為 &quot;true&quot; 時，Prosody 會給予使用者 owner 身分，因此以主持人身分加入。未設定則不寫入此聲明。</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Hidden from recorder:</source>
        <translation>不被錄製：</translation>
    </message>
    <message>
        <source>Email, avatar, recorder, affiliation and group</source>
        <translation>電子郵件、頭像、錄製者、affiliation 與群組</translation>
    </message>
    <message>
        <source>Email, avatar and recorder</source>
        <translation>電子郵件、頭像與錄製者</translation>
    </message>
    <message>
        <source>Affiliation:</source>
        <translation>隸屬角色：</translation>
    </message>
    <message>
        <source>Gro&amp;up:</source>
        <translation>群組(&amp;U)：</translation>
    </message>
    <message>
        <source>Not set leaves a feature out of the token; no writes &quot;false&quot;. A token without any feature gets Prosody&apos;s default permissions: %1.</source>
        <translation>未設定則權杖中不含該功能；「否」會寫入 &quot;false&quot;。不含任何功能的權杖會取得 Prosody 的預設權限：%1。</translation>
    </message>
    <message>
        <source>Not set leaves a feature out of the token; no writes &quot;false&quot;. JaaS applies features only to moderators.</source>
        <translation>未設定則權杖中不含該功能；「否」會寫入 &quot;false&quot;。JaaS 僅對主持人套用功能。</translation>
    </message>
</context>
<context>
    <name>td::ui::JsonEditor</name>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 欄</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1（位置：%2）</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空白</translation>
    </message>
    <message>
        <source>more than one value</source>
        <translation>多於一個值</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式化</translation>
    </message>
    <message>
        <source>Compact</source>
        <translation>精簡</translation>
    </message>
    <message>
        <source>Format %1 as indented JSON</source>
        <translation>將 %1 格式化為縮排的 JSON</translation>
    </message>
    <message>
        <source>Write %1 as compact JSON</source>
        <translation>將 %1 寫成精簡的 JSON</translation>
    </message>
    <message>
        <source>%1 status</source>
        <translation>%1 狀態</translation>
    </message>
    <message>
        <source>Indent the JSON for reading</source>
        <translation>將 JSON 縮排以便閱讀</translation>
    </message>
    <message>
        <source>One line without spaces: the token stays shorter</source>
        <translation>單行且不含空白：權杖會比較短</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>must be a JSON object in { }</source>
        <translation>必須是以 { } 包住的 JSON 物件</translation>
    </message>
    <message>
        <source>Empty: left out of the token.</source>
        <translation>空白：不寫入權杖。</translation>
    </message>
    <message>
        <source>Valid JSON object.</source>
        <translation>有效的 JSON 物件。</translation>
    </message>
    <message>
        <source>Empty: no metadata.</source>
        <translation>空白：無中繼資料。</translation>
    </message>
    <message>
        <source>Valid JSON. The token carries it as a string.</source>
        <translation>有效的 JSON。權杖會以字串形式攜帶。</translation>
    </message>
    <message>
        <source>Plain text, not JSON (%1). LiveKit accepts any string, but apps usually parse metadata as JSON.</source>
        <translation>純文字，不是 JSON（%1）。LiveKit 接受任何字串，但應用程式通常會將中繼資料解析為 JSON。</translation>
    </message>
</context>
<context>
    <name>td::ui::LiveKitForm</name>
    <message>
        <source>Participant metadata</source>
        <translation>參與者中繼資料</translation>
    </message>
    <message>
        <source>Remove attribute</source>
        <translation>移除屬性</translation>
    </message>
    <message>
        <source>Claims kept from the JSON</source>
        <translation>從 JSON 保留的宣告</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>參與者</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身分</translation>
    </message>
    <message>
        <source>required to join, unique in the room (e.g. alice)</source>
        <translation>加入時必填，在房間內不可重複（例如 alice）</translation>
    </message>
    <message>
        <source>Random identity</source>
        <translation>隨機身分</translation>
    </message>
    <message>
        <source>Generate an identity like participant-1a2b3c4d5e6f</source>
        <translation>產生類似 participant-1a2b3c4d5e6f 的身分</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>顯示名稱</translation>
    </message>
    <message>
        <source>optional: shown to other participants</source>
        <translation>選填：顯示給其他參與者</translation>
    </message>
    <message>
        <source>Participant kind</source>
        <translation>參與者類型</translation>
    </message>
    <message>
        <source>not set (standard)</source>
        <translation>未設定（standard）</translation>
    </message>
    <message>
        <source>Participant attributes</source>
        <translation>參與者屬性</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Add an attribute</source>
        <translation>新增屬性</translation>
    </message>
    <message>
        <source>Remove the selected attribute</source>
        <translation>移除所選屬性</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>身分(&amp;I)：</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>顯示名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>類型(&amp;K)：</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房間</translation>
    </message>
    <message>
        <source>the room this token joins or moderates</source>
        <translation>此權杖可加入或管理的房間</translation>
    </message>
    <message>
        <source>Role preset</source>
        <translation>角色預設組合</translation>
    </message>
    <message>
        <source>Viewer: watches and chats, does not publish</source>
        <translation>觀眾：觀看與聊天，不發布</translation>
    </message>
    <message>
        <source>Speaker: publishes camera, microphone and screen</source>
        <translation>講者：發布攝影機、麥克風與螢幕</translation>
    </message>
    <message>
        <source>Moderator: publishes and moderates the room</source>
        <translation>主持人：發布並管理房間</translation>
    </message>
    <message>
        <source>Recorder: hidden, subscribes only</source>
        <translation>錄製者：隱藏，只訂閱</translation>
    </message>
    <message>
        <source>Agent: an AI participant (kind agent)</source>
        <translation>代理程式：AI 參與者（kind agent）</translation>
    </message>
    <message>
        <source>Room preset</source>
        <translation>房間預設組合</translation>
    </message>
    <message>
        <source>optional: a LiveKit Cloud room preset; roomConfig overrides it</source>
        <translation>選填：LiveKit Cloud 的房間預設組合；roomConfig 會覆寫它</translation>
    </message>
    <message>
        <source>attribute in row %1 has a value but no key</source>
        <translation>第 %1 列的屬性有值但沒有鍵</translation>
    </message>
    <message>
        <source>attribute &quot;%1&quot; is listed twice</source>
        <translation>屬性「%1」重複列出</translation>
    </message>
    <message>
        <source>Other claims from the JSON, kept as they are: %1.</source>
        <translation>JSON 中的其他宣告，將原樣保留：%1。</translation>
    </message>
    <message>
        <source>Ignored, the minter sets them from the key, the identity and the TTL: %1.</source>
        <translation>已忽略，簽發時會依金鑰、身分與 TTL 自動設定：%1。</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>隨機</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>新增屬性</translation>
    </message>
    <message>
        <source>Grants in detail</source>
        <translation>授權細節</translation>
    </message>
    <message>
        <source>Room configuration (when this token creates the room)</source>
        <translation>房間設定（當此權杖建立房間時）</translation>
    </message>
    <message>
        <source>Met&amp;adata:</source>
        <translation>中繼資料(&amp;A)：</translation>
    </message>
    <message>
        <source>Attrib&amp;utes:</source>
        <translation>屬性(&amp;U)：</translation>
    </message>
    <message>
        <source>Kind, metadata and attributes</source>
        <translation>類型、中繼資料與屬性</translation>
    </message>
    <message>
        <source>Room and role</source>
        <translation>房間與角色</translation>
    </message>
    <message>
        <source>Custom: as set in the grants below</source>
        <translation>自訂：依下方授權設定</translation>
    </message>
    <message>
        <source>Choosing a role replaces the video grant with the role&apos;s (the room stays)</source>
        <translation>選擇角色會以該角色的授權取代影像授權（房間保持不變）</translation>
    </message>
    <message>
        <source>What the token grants</source>
        <translation>權杖授予的權限</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>房間(&amp;R)：</translation>
    </message>
    <message>
        <source>Rol&amp;e:</source>
        <translation>角色(&amp;E)：</translation>
    </message>
    <message>
        <source>Cloud room preset:</source>
        <translation>Cloud 房間預設組合：</translation>
    </message>
    <message>
        <source>roomConfig:</source>
        <translation>roomConfig：</translation>
    </message>
    <message>
        <source>Grants nothing yet: choose a role or set the grants below.</source>
        <translation>尚未授予任何權限：請選擇角色或設定下方授權。</translation>
    </message>
    <message>
        <source>Grants: %1.</source>
        <translation>授權：%1。</translation>
    </message>
</context>
<context>
    <name>td::ui::LiveKitGrantsBox</name>
    <message>
        <source>&amp;Video grant (joining and managing rooms)</source>
        <translation>video 授權（加入與管理房間）(&amp;V)</translation>
    </message>
    <message>
        <source>Video grant</source>
        <translation>video 授權</translation>
    </message>
    <message>
        <source>Without a video grant the token cannot join any room; it only serves server APIs.</source>
        <translation>沒有 video 授權的權杖無法加入任何房間，只能用於伺服器 API。</translation>
    </message>
    <message>
        <source>&amp;Join the room</source>
        <translation>加入房間(&amp;J)</translation>
    </message>
    <message>
        <source>roomJoin: join the room named above</source>
        <translation>roomJoin：加入上方指定的房間</translation>
    </message>
    <message>
        <source>&amp;Moderate the room</source>
        <translation>管理房間(&amp;M)</translation>
    </message>
    <message>
        <source>roomAdmin: mute, remove and update participants of that room</source>
        <translation>roomAdmin：將該房間的參與者靜音、移除及更新</translation>
    </message>
    <message>
        <source>Create and delete rooms</source>
        <translation>建立與刪除房間</translation>
    </message>
    <message>
        <source>roomCreate</source>
        <translation>roomCreate</translation>
    </message>
    <message>
        <source>List rooms</source>
        <translation>列出房間</translation>
    </message>
    <message>
        <source>roomList</source>
        <translation>roomList</translation>
    </message>
    <message>
        <source>Record and stream (Egress)</source>
        <translation>錄製與串流（Egress）</translation>
    </message>
    <message>
        <source>roomRecord: use the Egress APIs</source>
        <translation>roomRecord：使用 Egress API</translation>
    </message>
    <message>
        <source>Manage ingresses</source>
        <translation>管理 Ingress</translation>
    </message>
    <message>
        <source>ingressAdmin: create and delete every ingress</source>
        <translation>ingressAdmin：建立與刪除所有 Ingress</translation>
    </message>
    <message>
        <source>hidden: other participants do not see this one</source>
        <translation>hidden：其他參與者看不到此參與者</translation>
    </message>
    <message>
        <source>Marked as a recorder</source>
        <translation>標示為錄製者</translation>
    </message>
    <message>
        <source>recorder: shown to others as a recording participant</source>
        <translation>recorder：對其他人顯示為錄製用的參與者</translation>
    </message>
    <message>
        <source>May register as an agent worker</source>
        <translation>可註冊為 Agents 工作程序</translation>
    </message>
    <message>
        <source>video.agent: may register as an Agents worker</source>
        <translation>video.agent：可註冊為 Agents 工作程序</translation>
    </message>
    <message>
        <source>&amp;Publish tracks:</source>
        <translation>發布媒體軌(&amp;P)：</translation>
    </message>
    <message>
        <source>default: yes</source>
        <translation>預設：是</translation>
    </message>
    <message>
        <source>&amp;Subscribe:</source>
        <translation>訂閱(&amp;S)：</translation>
    </message>
    <message>
        <source>Publish &amp;data:</source>
        <translation>發布資料(&amp;D)：</translation>
    </message>
    <message>
        <source>default: same as Publish tracks</source>
        <translation>預設：與「發布媒體軌」相同</translation>
    </message>
    <message>
        <source>default: no</source>
        <translation>預設：否</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>攝影機</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>麥克風</translation>
    </message>
    <message>
        <source>Screen share</source>
        <translation>螢幕分享</translation>
    </message>
    <message>
        <source>Screen share audio</source>
        <translation>螢幕分享音訊</translation>
    </message>
    <message>
        <source>canPublishSources: %1</source>
        <translation>canPublishSources：%1</translation>
    </message>
    <message>
        <source>Publish source %1</source>
        <translation>發布媒體來源 %1</translation>
    </message>
    <message>
        <source>None ticked: every source. Ticked ones narrow publishing to those sources.</source>
        <translation>都不勾選：允許所有媒體來源。勾選後只能發布所勾選的來源。</translation>
    </message>
    <message>
        <source>Destination room</source>
        <translation>目的地房間</translation>
    </message>
    <message>
        <source>optional: a room this participant may be forwarded to</source>
        <translation>選填：此參與者可被轉送到的房間</translation>
    </message>
    <message>
        <source>Other grants</source>
        <translation>其他授權</translation>
    </message>
    <message>
        <source>SIP: administer</source>
        <translation>SIP：管理</translation>
    </message>
    <message>
        <source>sip.admin: every SIP feature (trunks, dispatch rules)</source>
        <translation>sip.admin：所有 SIP 功能（trunk、派送規則）</translation>
    </message>
    <message>
        <source>SIP: place calls</source>
        <translation>SIP：撥打電話</translation>
    </message>
    <message>
        <source>sip.call: outbound calls</source>
        <translation>sip.call：撥出通話</translation>
    </message>
    <message>
        <source>Agents: administer</source>
        <translation>Agents：管理</translation>
    </message>
    <message>
        <source>agent.admin: create, update and delete Cloud Agents</source>
        <translation>agent.admin：建立、更新與刪除 Cloud Agents</translation>
    </message>
    <message>
        <source>Agents: run simulations</source>
        <translation>Agents：執行模擬</translation>
    </message>
    <message>
        <source>agent.simulationAdmin</source>
        <translation>agent.simulationAdmin</translation>
    </message>
    <message>
        <source>Agents: database</source>
        <translation>Agents：資料庫</translation>
    </message>
    <message>
        <source>agent.databaseAdmin (newer than protocol v1.50.4)</source>
        <translation>agent.databaseAdmin（protocol v1.50.4 之後才有）</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>推論</translation>
    </message>
    <message>
        <source>inference.perform: use LiveKit&apos;s LLM, STT and TTS inference</source>
        <translation>inference.perform：使用 LiveKit 的 LLM、STT 與 TTS 推論</translation>
    </message>
    <message>
        <source>Observability: write</source>
        <translation>可觀測性：寫入</translation>
    </message>
    <message>
        <source>observability.write: publish observability data</source>
        <translation>observability.write：發布可觀測性資料</translation>
    </message>
    <message>
        <source>Hidden from other participants</source>
        <translation>對其他參與者隱藏</translation>
    </message>
    <message>
        <source>Update own name and metadata:</source>
        <translation>更新自己的名稱與中繼資料：</translation>
    </message>
    <message>
        <source>Subscribe to metrics:</source>
        <translation>訂閱指標：</translation>
    </message>
    <message>
        <source>Manage agent session:</source>
        <translation>管理代理程式工作階段：</translation>
    </message>
    <message>
        <source>Publish sources:</source>
        <translation>發布媒體來源：</translation>
    </message>
    <message>
        <source>Destination room:</source>
        <translation>目的地房間：</translation>
    </message>
</context>
<context>
    <name>td::ui::MainWindow</name>
    <message>
        <source>Clipboard cleared</source>
        <translation>已清除剪貼簿</translation>
    </message>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>頁面</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>檢視</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
    <message>
        <source>Secrets: %1</source>
        <translation>密鑰：%1</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>已儲存設定</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>設定檔</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>簽發</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷程記錄</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About TokenDesk</source>
        <translation>關於 TokenDesk(&amp;A)</translation>
    </message>
    <message>
        <source>About TokenDesk</source>
        <translation>關於 TokenDesk</translation>
    </message>
    <message numerus="yes">
        <source>A credential is on the clipboard; cleared in %n second(s)</source>
        <translation>
            <numerusform>剪貼簿中有憑證；%n 秒後清除</numerusform>
        </translation>
    </message>
    <message>
        <source>● Server running on %1</source>
        <translation>● 伺服器執行中：%1</translation>
    </message>
    <message>
        <source>The token server answers at %1. Click to open the Server page.</source>
        <translation>權杖伺服器於 %1 回應。按一下開啟「伺服器」頁面。</translation>
    </message>
    <message>
        <source>The language changes when the batch run ends.</source>
        <translation>語言將在批次執行結束後變更。</translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation>歡迎(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;TokenDesk %1&lt;/h3&gt;&lt;p&gt;Access tokens for %4: mint, decode, verify, explain and serve them.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and %3.&lt;/p&gt;&lt;p&gt;License: MIT. Security notes and how to report a problem: /usr/share/doc/tokendesk/SECURITY.md&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TokenDesk %1&lt;/h3&gt;&lt;p&gt;%4 的存取權杖：產生、解碼、驗證、說明並提供權杖。&lt;/p&gt;&lt;p&gt;以 Qt %2 與 %3 建置。&lt;/p&gt;&lt;p&gt;授權：MIT。安全說明與問題回報方式：/usr/share/doc/tokendesk/SECURITY.md&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>td::ui::MatrixTab</name>
    <message>
        <source>E&amp;xport…</source>
        <translation>匯出(&amp;X)…</translation>
    </message>
    <message>
        <source>Matrix error</source>
        <translation>矩陣錯誤</translation>
    </message>
    <message>
        <source>Profile for the matrix</source>
        <translation>矩陣所用的設定檔</translation>
    </message>
    <message>
        <source>Room every combination joins</source>
        <translation>每個組合加入的房間</translation>
    </message>
    <message>
        <source>Identity prefix</source>
        <translation>身分前綴</translation>
    </message>
    <message>
        <source>Token lifetime</source>
        <translation>權杖有效期限</translation>
    </message>
    <message>
        <source>the provider&apos;s default</source>
        <translation>服務商的預設值</translation>
    </message>
    <message>
        <source>Values to try, separated by ;</source>
        <translation>要嘗試的值，以 ; 分隔</translation>
    </message>
    <message>
        <source>Jitsi features to vary</source>
        <translation>要變化的 Jitsi 功能</translation>
    </message>
    <message>
        <source>Generate every combination</source>
        <translation>產生所有組合</translation>
    </message>
    <message>
        <source>Export the matrix as CSV, Markdown or HTML</source>
        <translation>將矩陣匯出為 CSV、Markdown 或 HTML</translation>
    </message>
    <message>
        <source>Combinations and their expected behaviour</source>
        <translation>各組合及其預期行為</translation>
    </message>
    <message>
        <source>Identity &amp;prefix:</source>
        <translation>身分前綴(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;TTL:</source>
        <translation>TTL(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Dimensions:</source>
        <translation>維度(&amp;D)：</translation>
    </message>
    <message>
        <source>Export the matrix</source>
        <translation>匯出矩陣</translation>
    </message>
    <message>
        <source>HTML checklist (*.html);;Markdown (*.md);;CSV (*.csv)</source>
        <translation>HTML 檢查清單（*.html）;;Markdown（*.md）;;CSV（*.csv）</translation>
    </message>
    <message>
        <source>Vary %1</source>
        <translation>變化 %1</translation>
    </message>
    <message>
        <source>&amp;Stream lists:</source>
        <translation>串流清單(&amp;S)：</translation>
    </message>
    <message>
        <source>any; qa-stream (separate lists with ;)</source>
        <translation>any; qa-stream（各清單以 ; 分隔）</translation>
    </message>
    <message>
        <source>all; camera; microphone; screen_share+screen_share_audio</source>
        <translation>all; camera; microphone; screen_share+screen_share_audio</translation>
    </message>
    <message>
        <source>Choose at least one dimension</source>
        <translation>請至少選擇一個維度</translation>
    </message>
    <message numerus="yes">
        <source>%n combination(s)</source>
        <translation>
            <numerusform>%n 個組合</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a profile first (add one on the Profiles page).</source>
        <translation>請先選擇設定檔（可在「設定檔」頁面新增）。</translation>
    </message>
    <message>
        <source>Cannot read the secrets of %1: %2</source>
        <translation>無法讀取 %1 的密鑰：%2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>身分</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>expected behaviour</source>
        <translation>預期行為</translation>
    </message>
    <message>
        <source>token</source>
        <translation>權杖</translation>
    </message>
    <message>
        <source>join link</source>
        <translation>加入連結</translation>
    </message>
    <message numerus="yes">
        <source>%n combination(s) minted</source>
        <translation>
            <numerusform>已簽發 %n 個組合</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot tell the format of %1: use .html, .md or .csv</source>
        <translation>無法判斷 %1 的格式：請使用 .html、.md 或 .csv</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>Wrote %1 (readable only by you: it holds live tokens).</source>
        <translation>已寫入 %1（僅限您本人讀取：內含有效的權杖）。</translation>
    </message>
    <message>
        <source>the profile&apos;s default room</source>
        <translation>設定檔的預設房間</translation>
    </message>
    <message>
        <source>TTL: %1</source>
        <translation>TTL：%1</translation>
    </message>
    <message>
        <source>Gene&amp;rate</source>
        <translation>產生(&amp;R)</translation>
    </message>
    <message>
        <source>Pr&amp;ofile:</source>
        <translation>設定檔(&amp;O)：</translation>
    </message>
    <message>
        <source>Roo&amp;m:</source>
        <translation>房間(&amp;M)：</translation>
    </message>
    <message>
        <source>Feat&amp;ures:</source>
        <translation>功能(&amp;U)：</translation>
    </message>
    <message>
        <source>Sour&amp;ce sets:</source>
        <translation>媒體來源組合(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>td::ui::MintPage</name>
    <message>
        <source>error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&amp;Not before, back-dated by:</source>
        <translation>生效時間提前(&amp;N)：</translation>
    </message>
    <message>
        <source>No form</source>
        <translation>無表單</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>設定檔</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>環境</translation>
    </message>
    <message>
        <source>Production warning</source>
        <translation>正式環境警告</translation>
    </message>
    <message>
        <source>Production profile: tokens minted here open your live service. Check the grants and keep the TTL short.</source>
        <translation>正式環境設定檔：在此簽發的權杖可存取您的線上服務。請確認授權內容，並將 TTL 設短。</translation>
    </message>
    <message>
        <source>Time to live</source>
        <translation>存活時間</translation>
    </message>
    <message>
        <source>e.g. 6h, 90m, 1h30m, 3600</source>
        <translation>例如 6h、90m、1h30m、3600</translation>
    </message>
    <message>
        <source>Time to live check</source>
        <translation>存活時間檢查</translation>
    </message>
    <message>
        <source>Not-before back-dating in seconds</source>
        <translation>生效時間提前的秒數</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>nbf is set this many seconds in the past, so a server whose clock runs a little behind still accepts the token</source>
        <translation>nbf 會設為這麼多秒之前，讓時鐘稍慢的伺服器仍能接受此權杖</translation>
    </message>
    <message>
        <source>&amp;TTL:</source>
        <translation>TTL(&amp;T)：</translation>
    </message>
    <message>
        <source>Claims preview</source>
        <translation>宣告預覽</translation>
    </message>
    <message>
        <source>Raw claims JSON</source>
        <translation>原始宣告 JSON</translation>
    </message>
    <message>
        <source>Raw JSON status</source>
        <translation>原始 JSON 狀態</translation>
    </message>
    <message>
        <source>Edit the claims as JSON; valid changes go straight to the form.</source>
        <translation>以 JSON 編輯宣告；有效的變更會直接套用到表單。</translation>
    </message>
    <message>
        <source>Findings before minting</source>
        <translation>簽發前的檢查結果</translation>
    </message>
    <message>
        <source>Mint status</source>
        <translation>簽發狀態</translation>
    </message>
    <message>
        <source>Mint the token</source>
        <translation>簽發權杖</translation>
    </message>
    <message>
        <source>No profiles yet: add one on the Profiles page</source>
        <translation>尚無設定檔：請在「設定檔」頁面新增</translation>
    </message>
    <message>
        <source>Add a profile on the Profiles page to mint tokens.</source>
        <translation>請先在「設定檔」頁面新增設定檔，才能簽發權杖。</translation>
    </message>
    <message>
        <source>This build has no form for %1 profiles yet.</source>
        <translation>此版本尚未提供 %1 設定檔的表單。</translation>
    </message>
    <message>
        <source>no profile selected</source>
        <translation>未選擇設定檔</translation>
    </message>
    <message>
        <source>no form for %1 profiles</source>
        <translation>沒有 %1 設定檔的表單</translation>
    </message>
    <message>
        <source>TTL: %1</source>
        <translation>TTL：%1</translation>
    </message>
    <message>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message>
        <source>Cannot mint: this build has no form for %1 profiles.</source>
        <translation>無法簽發：此版本沒有 %1 設定檔的表單。</translation>
    </message>
    <message>
        <source>Cannot mint: no profile. Add one on the Profiles page.</source>
        <translation>無法簽發：沒有設定檔。請在「設定檔」頁面新增。</translation>
    </message>
    <message>
        <source>Cannot mint: %1</source>
        <translation>無法簽發：%1</translation>
    </message>
    <message>
        <source>Cannot mint: the profile&apos;s secrets cannot be read: %1</source>
        <translation>無法簽發：無法讀取設定檔的密鑰：%1</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>無法預覽：%1</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>無檢查結果。</translation>
    </message>
    <message>
        <source>Minted, but History could not record it: %1</source>
        <translation>已簽發，但歷程記錄無法記錄：%1</translation>
    </message>
    <message>
        <source>Minted at %1 and recorded in History.</source>
        <translation>已於 %1 簽發，並記錄到歷程記錄。</translation>
    </message>
    <message>
        <source>Mint again</source>
        <translation>再次簽發</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; no longer exists. Create it again, or mint with another profile.</source>
        <translation>設定檔「%1」已不存在。請重新建立，或改用其他設定檔簽發。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is no longer a %2 profile.</source>
        <translation>設定檔「%1」已不是 %2 設定檔。</translation>
    </message>
    <message>
        <source>The form cannot show the recorded claims: %1</source>
        <translation>表單無法顯示記錄的宣告：%1</translation>
    </message>
    <message>
        <source>Not valid JSON: %1. The form keeps its last good state.</source>
        <translation>不是有效的 JSON：%1。表單維持上一次的有效狀態。</translation>
    </message>
    <message>
        <source>The claims must be a JSON object in { }. The form keeps its last good state.</source>
        <translation>宣告必須是以 { } 包住的 JSON 物件。表單維持上一次的有效狀態。</translation>
    </message>
    <message>
        <source>The form cannot show this: %1. It keeps its last good state.</source>
        <translation>表單無法顯示此內容：%1。表單維持上一次的有效狀態。</translation>
    </message>
    <message>
        <source>Applied to the form.</source>
        <translation>已套用到表單。</translation>
    </message>
    <message>
        <source>none is stored for this profile; enter it on the Profiles page</source>
        <translation>此設定檔沒有儲存任何密鑰；請在「設定檔」頁面輸入</translation>
    </message>
    <message>
        <source>The preview appears when this page is shown.</source>
        <translation>顯示此頁面時會出現預覽。</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>簽發</translation>
    </message>
    <message>
        <source>Pr&amp;ofile:</source>
        <translation>設定檔(&amp;O)：</translation>
    </message>
    <message>
        <source>Mint the token (Ctrl+Enter)</source>
        <translation>簽發權杖（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>原始 JSON</translation>
    </message>
    <message>
        <source>Findings before minting:</source>
        <translation>簽發前的檢查結果：</translation>
    </message>
    <message>
        <source>Ready to mint (Ctrl+Enter).</source>
        <translation>可以簽發（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>Ready to mint (Ctrl+Enter): %1.</source>
        <translation>可以簽發（Ctrl+Enter）：%1。</translation>
    </message>
    <message>
        <source>Mint signs a token with the credentials of a profile: an API key and secret, an AppID and ServerSecret, or a private key. There is no profile yet.</source>
        <translation>「簽發」使用設定檔的憑證簽署權杖：API 金鑰與密鑰、AppID 與 ServerSecret，或私密金鑰。目前還沒有任何設定檔。</translation>
    </message>
    <message>
        <source>Set up a profile…</source>
        <translation>設定設定檔…</translation>
    </message>
    <message>
        <source>Set up a profile: LiveKit dev server, add or import</source>
        <translation>設定設定檔：LiveKit 開發伺服器、新增或匯入</translation>
    </message>
    <message>
        <source>The LiveKit dev server in one click, a profile for any provider, or an import</source>
        <translation>一鍵設定 LiveKit 開發伺服器、為任何服務商新增設定檔，或匯入</translation>
    </message>
    <message>
        <source>To mint: %1</source>
        <translation>簽發前尚需：%1</translation>
    </message>
    <message>
        <source>needed</source>
        <translation>尚需</translation>
    </message>
</context>
<context>
    <name>td::ui::PolicyEditor</name>
    <message>
        <source>Request fields</source>
        <translation>請求欄位</translation>
    </message>
    <message>
        <source>Only the &amp;contract&apos;s own fields</source>
        <translation>僅限介面規格本身的欄位(&amp;C)</translation>
    </message>
    <message>
        <source>Request fields a client may send</source>
        <translation>用戶端可傳送的請求欄位</translation>
    </message>
    <message>
        <source>LiveKit grants every token gets</source>
        <translation>每個權杖都會取得的 LiveKit 授權</translation>
    </message>
    <message>
        <source>Fixed LiveKit grants</source>
        <translation>固定的 LiveKit 授權</translation>
    </message>
    <message>
        <source>Jitsi features every token gets</source>
        <translation>每個權杖都會取得的 Jitsi 功能</translation>
    </message>
    <message>
        <source>Fixed Jitsi features</source>
        <translation>固定的 Jitsi 功能</translation>
    </message>
    <message>
        <source>A client may ask for</source>
        <translation>用戶端可要求</translation>
    </message>
    <message>
        <source>&amp;Moderator</source>
        <translation>主持人(&amp;M)</translation>
    </message>
    <message>
        <source>Only the contract&apos;s own request fields</source>
        <translation>僅限介面規格本身的請求欄位</translation>
    </message>
    <message>
        <source>Room pattern</source>
        <translation>房間樣式</translation>
    </message>
    <message>
        <source>any room, e.g. demo-[a-z0-9-]+</source>
        <translation>任何房間，例如 demo-[a-z0-9-]+</translation>
    </message>
    <message>
        <source>Identity pattern</source>
        <translation>身分樣式</translation>
    </message>
    <message>
        <source>any identity</source>
        <translation>任何身分</translation>
    </message>
    <message>
        <source>Longest room name</source>
        <translation>房間名稱最大長度</translation>
    </message>
    <message>
        <source>Longest identity</source>
        <translation>身分最大長度</translation>
    </message>
    <message>
        <source>Longest token lifetime</source>
        <translation>權杖最長有效期間</translation>
    </message>
    <message>
        <source>1h (the default)</source>
        <translation>1h（預設值）</translation>
    </message>
    <message>
        <source>Token lifetime when the client asks for none</source>
        <translation>用戶端未指定時的權杖有效期間</translation>
    </message>
    <message>
        <source>the longest allowed</source>
        <translation>允許的最長期間</translation>
    </message>
    <message>
        <source>A client may ask for moderator</source>
        <translation>用戶端可要求主持人權限</translation>
    </message>
    <message>
        <source>A client may ask for room admin</source>
        <translation>用戶端可要求房間管理員權限</translation>
    </message>
    <message>
        <source>A client may ask to be hidden</source>
        <translation>用戶端可要求隱藏</translation>
    </message>
    <message>
        <source>A client may ask for recorder</source>
        <translation>用戶端可要求錄製者身分</translation>
    </message>
    <message>
        <source>A client may ask for server admin grants</source>
        <translation>用戶端可要求伺服器管理授權</translation>
    </message>
    <message>
        <source>Click to cycle: always off, client&apos;s choice, always on</source>
        <translation>點選以循環切換：一律關閉、由用戶端決定、一律開啟</translation>
    </message>
    <message>
        <source>&amp;Room pattern:</source>
        <translation>房間樣式(&amp;R)：</translation>
    </message>
    <message>
        <source>Longest identit&amp;y:</source>
        <translation>身分最大長度(&amp;Y)：</translation>
    </message>
    <message>
        <source>%1: always on</source>
        <translation>%1：一律開啟</translation>
    </message>
    <message>
        <source>%1: always off</source>
        <translation>%1：一律關閉</translation>
    </message>
    <message>
        <source>%1: the client&apos;s choice</source>
        <translation>%1：由用戶端決定</translation>
    </message>
    <message>
        <source>Select an endpoint to edit its policy.</source>
        <translation>請選擇端點以編輯其政策。</translation>
    </message>
    <message>
        <source>%1 mints no token and has no policy.</source>
        <translation>%1 不簽發權杖，因此沒有政策。</translation>
    </message>
    <message>
        <source>Policy of %1</source>
        <translation>%1 的政策</translation>
    </message>
    <message>
        <source>A token &amp;valid for any room (room &quot;*&quot;)</source>
        <translation>適用於任何房間的權杖（房間 &quot;*&quot;）(&amp;V)</translation>
    </message>
    <message>
        <source>A client may ask for a token valid for any room</source>
        <translation>用戶端可以要求適用於任何房間的權杖</translation>
    </message>
    <message>
        <source>Off: a request for room &quot;*&quot; (in any spelling) is refused with 403. On: the token admits its holder to every room of the deployment.</source>
        <translation>關閉：要求房間 &quot;*&quot;（無論寫法）會以 403 拒絕。開啟：權杖讓持有者可進入此部署的每個房間。</translation>
    </message>
    <message>
        <source>Room adm&amp;in</source>
        <translation>房間管理員(&amp;I)</translation>
    </message>
    <message>
        <source>Hidd&amp;en participant</source>
        <translation>隱藏的參與者(&amp;E)</translation>
    </message>
    <message>
        <source>Recor&amp;der</source>
        <translation>錄製者(&amp;D)</translation>
    </message>
    <message>
        <source>Ser&amp;ver admin grants (create, list, record, ingress, agent)</source>
        <translation>伺服器管理授權（建立、列出、錄製、Ingress、Agent）(&amp;V)</translation>
    </message>
    <message>
        <source>Identity patter&amp;n:</source>
        <translation>身分樣式(&amp;N)：</translation>
    </message>
    <message>
        <source>Longest room name:</source>
        <translation>房間名稱最大長度：</translation>
    </message>
    <message>
        <source>Max TT&amp;L:</source>
        <translation>最長 TTL(&amp;L)：</translation>
    </message>
    <message>
        <source>Default TTL:</source>
        <translation>預設 TTL：</translation>
    </message>
    <message>
        <source>Roles a client may ask for</source>
        <translation>用戶端可要求的角色</translation>
    </message>
    <message>
        <source>none; separate roles with commas, e.g. guest, host</source>
        <translation>無；以逗號分隔角色，例如 guest, host</translation>
    </message>
    <message>
        <source>roles: the role values a request may carry. Any other role gets 403; with none listed, a request that names a role is refused.</source>
        <translation>roles：請求可帶的角色值。其他角色會收到 403；若未列出任何角色，指定角色的請求會被拒絕。</translation>
    </message>
</context>
<context>
    <name>td::ui::PrivateKeyField</name>
    <message>
        <source>Choose &amp;file…</source>
        <translation>選擇檔案(&amp;F)…</translation>
    </message>
    <message>
        <source>Decr&amp;ypt…</source>
        <translation>解密(&amp;Y)…</translation>
    </message>
    <message>
        <source>Private key (PEM)</source>
        <translation>私鑰（PEM）</translation>
    </message>
    <message>
        <source>Paste the PEM, drop the key file here, or choose the file</source>
        <translation>貼上 PEM、將金鑰檔案拖放到這裡，或選擇檔案</translation>
    </message>
    <message>
        <source>An RSA private key of at least 2048 bits, in any PEM form; an encrypted key is decrypted with its passphrase before it is stored</source>
        <translation>至少 2048 位元的 RSA 私鑰，任何 PEM 格式皆可；加密的私鑰會在儲存前以其密語解密</translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation>選擇私鑰檔案</translation>
    </message>
    <message>
        <source>Decrypt the private key with its passphrase</source>
        <translation>以密語解密私鑰</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私鑰</translation>
    </message>
    <message>
        <source>%1 is too large to be a PEM key.</source>
        <translation>%1 太大，不可能是 PEM 金鑰。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>This private key is encrypted. Enter its passphrase: the key is stored decrypted in the secret store, which protects it from then on.</source>
        <translation>此私鑰已加密。請輸入其密語：私鑰會以解密後的形式存入密鑰儲存區，之後由儲存區負責保護。</translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation>選擇私鑰</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key *.p8);;All files (*)</source>
        <translation>PEM 金鑰 (*.pem *.key *.p8);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>td::ui::ProfileDialog</name>
    <message>
        <source>Sho&amp;w secrets</source>
        <translation>顯示密鑰(&amp;W)</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>新增設定檔</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>設定檔名稱</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>供應商</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>環境</translation>
    </message>
    <message>
        <source>Where these credentials lead; production profiles are marked red everywhere</source>
        <translation>這組憑證連往的環境；正式環境的設定檔在各處都會以紅色標示</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;; used with --profile on the command line</source>
        <translation>可用字母、數字、&apos;.&apos;、&apos;_&apos; 與 &apos;-&apos;；在命令列中搭配 --profile 使用</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>憑證</translation>
    </message>
    <message>
        <source>Cipher</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>The Token04 layout minted by default with this profile</source>
        <translation>此設定檔預設簽發的 Token04 格式</translation>
    </message>
    <message>
        <source>Show secrets</source>
        <translation>顯示密鑰</translation>
    </message>
    <message>
        <source>Shows every secret of this form while checked</source>
        <translation>勾選時顯示此表單中的所有密鑰</translation>
    </message>
    <message>
        <source>Defaults for new tokens</source>
        <translation>新權杖的預設值</translation>
    </message>
    <message>
        <source>Default TTL</source>
        <translation>預設 TTL</translation>
    </message>
    <message>
        <source>Default room</source>
        <translation>預設房間</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation>儲存設定檔</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 when empty</source>
        <translation>空白時為 %1</translation>
    </message>
    <message>
        <source>a profile named %1 exists: choose another name</source>
        <translation>已有名為 %1 的設定檔：請改用其他名稱</translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>尚需填寫：%1</translation>
    </message>
    <message>
        <source>Fix the fields marked with an error first</source>
        <translation>請先修正標示錯誤的欄位</translation>
    </message>
    <message>
        <source>the private key is encrypted: choose Decrypt… and enter its passphrase, or export it without one (openssl pkey -in key.pem -out plain.pem)</source>
        <translation>私鑰已加密：請選擇「解密…」並輸入其密語，或將它匯出為不含密語的版本（openssl pkey -in key.pem -out plain.pem）</translation>
    </message>
    <message>
        <source>RSA private key accepted. SHA-256 fingerprint of its public key:
%1</source>
        <translation>已接受 RSA 私鑰。其公鑰的 SHA-256 指紋：
%1</translation>
    </message>
    <message>
        <source>Edit profile %1</source>
        <translation>編輯設定檔 %1</translation>
    </message>
    <message>
        <source>The provider of a saved profile is fixed; add a new profile for another provider</source>
        <translation>已儲存設定檔的供應商無法變更；如需其他供應商，請新增設定檔</translation>
    </message>
    <message>
        <source>On, as Jitsi ships: sub must be the domain, the tenant or *</source>
        <translation>開啟（Jitsi 預設）：sub 必須是網域、租戶或 *</translation>
    </message>
    <message>
        <source>Domain verification</source>
        <translation>網域驗證</translation>
    </message>
    <message>
        <source>Prosody&apos;s enable_domain_verification. On: the token&apos;s sub is compared with the domain or tenant of the room, and a room pattern (context.room.regex) works. Off: sub is ignored and a pattern matches nothing.</source>
        <translation>Prosody 的 enable_domain_verification。開啟：權杖的 sub 會與房間的網域或租戶比對，房間樣式（context.room.regex）才有作用。關閉：忽略 sub，樣式不會符合任何房間。</translation>
    </message>
</context>
<context>
    <name>td::ui::ProfileService</name>
    <message>
        <source>no profile named %1</source>
        <translation>沒有名為 %1 的設定檔</translation>
    </message>
    <message>
        <source> (found automatically)</source>
        <translation>（自動偵測）</translation>
    </message>
    <message>
        <source> (no system keychain answered)</source>
        <translation>（沒有系統金鑰圈回應）</translation>
    </message>
    <message>
        <source>encrypted vault %1</source>
        <translation>加密保險庫 %1</translation>
    </message>
    <message>
        <source>system keychain (Secret Service / KWallet)</source>
        <translation>系統金鑰圈（Secret Service / KWallet）</translation>
    </message>
</context>
<context>
    <name>ProfileText</name>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>供應商(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名稱(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>環境(&amp;E)</translation>
    </message>
    <message>
        <source>Server &amp;URL</source>
        <translation>伺服器 URL(&amp;U)</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API key(&amp;K)</translation>
    </message>
    <message>
        <source>App&amp;ID</source>
        <translation>AppID(&amp;I)</translation>
    </message>
    <message>
        <source>Key I&amp;D</source>
        <translation>金鑰 ID(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Audience (aud)</source>
        <translation>受眾（aud）(&amp;A)</translation>
    </message>
    <message>
        <source>Su&amp;bject (sub)</source>
        <translation>主體（sub）(&amp;B)</translation>
    </message>
    <message>
        <source>API &amp;secret</source>
        <translation>API 密鑰(&amp;S)</translation>
    </message>
    <message>
        <source>Server&amp;Secret</source>
        <translation>ServerSecret(&amp;S)</translation>
    </message>
    <message>
        <source>App &amp;secret (HS256)</source>
        <translation>App 密鑰（HS256）(&amp;S)</translation>
    </message>
    <message>
        <source>Private &amp;key</source>
        <translation>私鑰(&amp;K)</translation>
    </message>
    <message>
        <source>Cip&amp;her</source>
        <translation>加密方式(&amp;H)</translation>
    </message>
    <message>
        <source>Default &amp;TTL</source>
        <translation>預設 TTL(&amp;T)</translation>
    </message>
    <message>
        <source>Default &amp;room</source>
        <translation>預設房間(&amp;R)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>for example acme-prod</source>
        <translation>例如 acme-prod</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Domain verification</source>
        <translation>網域驗證</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
</context>
<context>
    <name>ProfileTransfer</name>
    <message>
        <source>Import an env file or .dev.vars</source>
        <translation>匯入 env 檔案或 .dev.vars</translation>
    </message>
    <message>
        <source>Env files (*.env *.vars .env .dev.vars);;All files (*)</source>
        <translation>Env 檔案 (*.env *.vars .env .dev.vars);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import a livekit-cli config (~/.livekit/cli-config.yaml)</source>
        <translation>匯入 livekit-cli 組態（~/.livekit/cli-config.yaml）</translation>
    </message>
    <message>
        <source>livekit-cli config (*.yaml *.yml);;All files (*)</source>
        <translation>livekit-cli 組態 (*.yaml *.yml);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import an encrypted bundle</source>
        <translation>匯入加密組合包</translation>
    </message>
    <message>
        <source>TokenDesk bundles (*.tdbundle);;All files (*)</source>
        <translation>TokenDesk 組合包 (*.tdbundle);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>%1 is too large to import.</source>
        <translation>%1 太大，無法匯入。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>Passphrase of the bundle %1:</source>
        <translation>組合包 %1 的密語：</translation>
    </message>
    <message>
        <source>this is not a TokenDesk bundle</source>
        <translation>這不是 TokenDesk 組合包</translation>
    </message>
    <message>
        <source>Nothing imported from %1: %2</source>
        <translation>未從 %1 匯入任何項目：%2</translation>
    </message>
    <message>
        <source>Replace profile</source>
        <translation>取代設定檔</translation>
    </message>
    <message>
        <source>A profile named %1 exists. Replace it and its secrets with the imported one?</source>
        <translation>已有名為 %1 的設定檔。要以匯入的設定檔取代它及其密鑰嗎？</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n profile(s) from %1</source>
        <translation>
            <numerusform>已從 %1 匯入 %n 個設定檔</numerusform>
        </translation>
    </message>
    <message>
        <source>: %1.</source>
        <translation>：%1。</translation>
    </message>
    <message>
        <source>Kept the existing %1.</source>
        <translation>已保留既有的 %1。</translation>
    </message>
    <message>
        <source>The secrets are in the secret store now; the plain-text file %1 can be deleted.</source>
        <translation>密鑰現已存入密鑰儲存區；可以刪除純文字檔案 %1。</translation>
    </message>
    <message>
        <source>Export profiles without secrets</source>
        <translation>匯出設定檔（不含密鑰）</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n profile(s) without secrets to %1.</source>
        <translation>
            <numerusform>已將 %n 個設定檔（不含密鑰）匯出至 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export profiles with secrets, encrypted</source>
        <translation>匯出設定檔（含密鑰，已加密）</translation>
    </message>
    <message>
        <source>TokenDesk bundles (*.tdbundle)</source>
        <translation>TokenDesk 組合包 (*.tdbundle)</translation>
    </message>
    <message>
        <source>A passphrase for the bundle (it is needed to import it):</source>
        <translation>組合包的密語（匯入時需要）：</translation>
    </message>
    <message>
        <source>A bundle holds secrets: it needs a passphrase.</source>
        <translation>組合包含有密鑰：必須設定密語。</translation>
    </message>
    <message>
        <source>The same passphrase again:</source>
        <translation>再次輸入相同的密語：</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was exported.</source>
        <translation>兩次輸入的密語不同；未匯出任何內容。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n profile(s) with their secrets, encrypted, to %1.</source>
        <translation>
            <numerusform>已將 %n 個設定檔連同密鑰加密匯出至 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing imported:
%1</source>
        <translation>未匯入任何設定檔：
%1</translation>
    </message>
</context>
<context>
    <name>td::ui::ProfilesPage</name>
    <message>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編輯(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>刪除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>匯出(&amp;X)</translation>
    </message>
    <message>
        <source>Add a profile</source>
        <translation>新增設定檔</translation>
    </message>
    <message>
        <source>Edit the selected profile</source>
        <translation>編輯所選設定檔</translation>
    </message>
    <message>
        <source>Delete the selected profile</source>
        <translation>刪除所選設定檔</translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation>匯入設定檔</translation>
    </message>
    <message>
        <source>Env file or .dev.vars…</source>
        <translation>Env 檔案或 .dev.vars…</translation>
    </message>
    <message>
        <source>livekit-cli config…</source>
        <translation>livekit-cli 組態…</translation>
    </message>
    <message>
        <source>Encrypted bundle…</source>
        <translation>加密組合包…</translation>
    </message>
    <message>
        <source>Export profiles</source>
        <translation>匯出設定檔</translation>
    </message>
    <message>
        <source>JSON without secrets…</source>
        <translation>不含密鑰的 JSON…</translation>
    </message>
    <message>
        <source>Encrypted bundle with secrets…</source>
        <translation>含密鑰的加密組合包…</translation>
    </message>
    <message>
        <source>&amp;Profiles:</source>
        <translation>設定檔(&amp;P)：</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>設定檔</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>供應商</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>環境</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身分</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>刪除設定檔</translation>
    </message>
    <message>
        <source>No profiles yet. Add one for your provider, or import an env file, a .dev.vars or a livekit-cli config.</source>
        <translation>尚無設定檔。請為您的供應商新增設定檔，或匯入 env 檔案、.dev.vars 或 livekit-cli 組態。</translation>
    </message>
    <message>
        <source>Secrets are stored in %1. Profiles are kept in %2.</source>
        <translation>密鑰儲存在 %1。設定檔保存在 %2。</translation>
    </message>
    <message>
        <source>The profiles could not be read, so none are shown and nothing is overwritten: %1</source>
        <translation>無法讀取設定檔，因此不會顯示任何設定檔，也不會覆寫任何內容：%1</translation>
    </message>
    <message>
        <source>production</source>
        <translation>正式環境</translation>
    </message>
    <message>
        <source>Production credentials: tokens minted with them work on the live service</source>
        <translation>正式環境憑證：以此簽發的權杖可在線上服務中使用</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>儲存設定檔</translation>
    </message>
    <message>
        <source>Saved profile %1.</source>
        <translation>已儲存設定檔 %1。</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>編輯設定檔</translation>
    </message>
    <message>
        <source>Deleted profile %1 and its secrets.</source>
        <translation>已刪除設定檔 %1 及其密鑰。</translation>
    </message>
    <message>
        <source>&amp;Mint with</source>
        <translation>用此簽發(&amp;M)</translation>
    </message>
    <message>
        <source>Selected profile</source>
        <translation>所選設定檔</translation>
    </message>
    <message>
        <source>Mint a token with the selected profile</source>
        <translation>以所選設定檔簽發權杖</translation>
    </message>
    <message>
        <source>Search profiles</source>
        <translation>搜尋設定檔</translation>
    </message>
    <message>
        <source>Search (Ctrl+F): name, provider, key, note</source>
        <translation>搜尋（Ctrl+F）：名稱、服務商、金鑰、備註</translation>
    </message>
    <message>
        <source>&amp;Mint with this profile</source>
        <translation>以此設定檔簽發(&amp;M)</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>複製一份(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Copy name</source>
        <translation>複製名稱(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the delete</source>
        <translation>復原刪除</translation>
    </message>
    <message>
        <source>Copied the name %1.</source>
        <translation>已複製名稱 %1。</translation>
    </message>
    <message>
        <source>No profile matches “%1”. Escape clears the search.</source>
        <translation>沒有符合「%1」的設定檔。按 Esc 清除搜尋。</translation>
    </message>
    <message>
        <source>Select a profile to see its settings.</source>
        <translation>選擇設定檔以查看其設定。</translation>
    </message>
    <message>
        <source>%1 (production: live service)</source>
        <translation>%1（正式環境：線上服務）</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>密鑰</translation>
    </message>
    <message>
        <source>%1, kept in %2 (not shown here)</source>
        <translation>%1，保存在%2（此處不顯示）</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Duplicate profile</source>
        <translation>複製設定檔</translation>
    </message>
    <message>
        <source>Duplicate profile %1</source>
        <translation>複製設定檔 %1</translation>
    </message>
    <message>
        <source>Delete the production profile %1 and its stored secrets?</source>
        <translation>要刪除正式環境設定檔 %1 及其儲存的密鑰嗎？</translation>
    </message>
    <message>
        <source>Delete the profile %1 and its stored secrets?</source>
        <translation>要刪除設定檔 %1 及其儲存的密鑰嗎？</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>復原刪除</translation>
    </message>
    <message>
        <source>Restored profile %1 and its secrets.</source>
        <translation>已還原設定檔 %1 及其密鑰。</translation>
    </message>
</context>
<context>
    <name>td::ui::RequestLogModel</name>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路徑</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>用戶端</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身分</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房間</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>授權</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗時</translation>
    </message>
</context>
<context>
    <name>td::ui::RequestLogPanel</name>
    <message>
        <source>C&amp;lear log</source>
        <translation>清除記錄(&amp;L)</translation>
    </message>
    <message>
        <source>Filter the request log</source>
        <translation>篩選請求記錄</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>請求記錄</translation>
    </message>
    <message>
        <source>Clear the request log</source>
        <translation>清除請求記錄</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n 個請求</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n request(s)</source>
        <translation>
            <numerusform>%n 個請求中的 %1 個</numerusform>
        </translation>
    </message>
    <message>
        <source>Filte&amp;r:</source>
        <translation>篩選(&amp;R)：</translation>
    </message>
    <message>
        <source>Filter by path, status, origin, identity, room, reason… (Ctrl+F)</source>
        <translation>依路徑、狀態、來源、身分、房間、原因篩選…（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Copy request</source>
        <translation>複製請求(&amp;C)</translation>
    </message>
</context>
<context>
    <name>td::ui::ResultPanel</name>
    <message>
        <source>expired</source>
        <translation>已過期</translation>
    </message>
    <message>
        <source>expires in %1 d %2 h</source>
        <translation>剩餘 %1 天 %2 小時</translation>
    </message>
    <message>
        <source>expires in %1 h %2 min</source>
        <translation>剩餘 %1 小時 %2 分</translation>
    </message>
    <message>
        <source>expires in %1 min %2 s</source>
        <translation>剩餘 %1 分 %2 秒</translation>
    </message>
    <message>
        <source>expires in %1 s</source>
        <translation>剩餘 %1 秒</translation>
    </message>
    <message>
        <source>&amp;Copy token</source>
        <translation>複製權杖(&amp;C)</translation>
    </message>
    <message>
        <source>Open in &amp;browser</source>
        <translation>在瀏覽器中開啟(&amp;B)</translation>
    </message>
    <message>
        <source>Who the token lets in</source>
        <translation>權杖允許誰進入</translation>
    </message>
    <message>
        <source>Token (a credential)</source>
        <translation>權杖（憑證）</translation>
    </message>
    <message>
        <source>Mint a token to see it here</source>
        <translation>簽發權杖後會顯示在這裡</translation>
    </message>
    <message>
        <source>Copy the token</source>
        <translation>複製權杖</translation>
    </message>
    <message>
        <source>Join link (a credential)</source>
        <translation>加入連結（憑證）</translation>
    </message>
    <message>
        <source>Copy the join link</source>
        <translation>複製加入連結</translation>
    </message>
    <message>
        <source>Open the join link in the browser</source>
        <translation>在瀏覽器中開啟加入連結</translation>
    </message>
    <message>
        <source>Token lifetime</source>
        <translation>權杖有效期間</translation>
    </message>
    <message>
        <source>QR code of the join link</source>
        <translation>加入連結的 QR code</translation>
    </message>
    <message>
        <source>QR code status</source>
        <translation>QR code 狀態</translation>
    </message>
    <message>
        <source>No token yet.</source>
        <translation>尚無權杖。</translation>
    </message>
    <message>
        <source>its holder</source>
        <translation>持有者</translation>
    </message>
    <message>
        <source>Anyone with this token can act as %1 until %2. Share it like a password.</source>
        <translation>任何持有此權杖的人，在 %2 之前都能以 %1 的身分行動。請像密碼一樣謹慎分享。</translation>
    </message>
    <message>
        <source>Anyone with this link can join as %1 until %2. Share it like a password.</source>
        <translation>任何持有此連結的人，在 %2 之前都能以 %1 的身分加入。請像密碼一樣謹慎分享。</translation>
    </message>
    <message>
        <source>No QR code without a join link.</source>
        <translation>沒有加入連結，因此沒有 QR code。</translation>
    </message>
    <message>
        <source>The link is too long for a QR code (%1 characters). Copy it instead.</source>
        <translation>連結太長，無法製成 QR code（%1 個字元）。請改為複製連結。</translation>
    </message>
    <message>
        <source>Scan to join on a phone (a credential, like the link).</source>
        <translation>用手機掃描即可加入（與連結一樣是憑證）。</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>複製連結(&amp;L)</translation>
    </message>
    <message>
        <source>Result out of date</source>
        <translation>結果已過時</translation>
    </message>
    <message>
        <source>Changed since minting: this token does not match the form. Mint again with Ctrl+Enter.</source>
        <translation>簽發後已變更：此權杖與表單不符。請按 Ctrl+Enter 重新簽發。</translation>
    </message>
    <message>
        <source>Copy the token (Ctrl+Shift+C); the clipboard is cleared after the time set in Settings</source>
        <translation>複製權杖（Ctrl+Shift+C）；剪貼簿會在「設定」指定的時間後清除</translation>
    </message>
    <message>
        <source>Copy the join link (Ctrl+Shift+L)</source>
        <translation>複製加入連結（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <source>Token (credential):</source>
        <translation>權杖（憑證）：</translation>
    </message>
    <message>
        <source>Join link (credential):</source>
        <translation>加入連結（憑證）：</translation>
    </message>
    <message>
        <source>Token copied (minted before the last change).</source>
        <translation>已複製權杖（於最後一次變更前簽發）。</translation>
    </message>
    <message>
        <source>Token copied.</source>
        <translation>已複製權杖。</translation>
    </message>
    <message>
        <source>Join link copied (minted before the last change).</source>
        <translation>已複製加入連結（於最後一次變更前簽發）。</translation>
    </message>
    <message>
        <source>Join link copied.</source>
        <translation>已複製加入連結。</translation>
    </message>
    <message numerus="yes">
        <source>%1 The clipboard is cleared in %n s.</source>
        <translation>
            <numerusform>%1剪貼簿將於 %n 秒後清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Automatic clearing is off in Settings: clear the clipboard yourself.</source>
        <translation>%1「設定」中已關閉自動清除：請自行清除剪貼簿。</translation>
    </message>
    <message>
        <source>none for this token</source>
        <translation>此權杖沒有</translation>
    </message>
    <message>
        <source>No join link: the provider has none, the profile has no server URL, or the claims name no concrete room</source>
        <translation>沒有加入連結：服務商不提供、設定檔沒有伺服器 URL，或宣告沒有指定具體房間</translation>
    </message>
</context>
<context>
    <name>td::ui::RoomConfigBox</name>
    <message>
        <source>Room configuration JSON</source>
        <translation>房間設定 JSON</translation>
    </message>
    <message>
        <source>Remove agent</source>
        <translation>移除代理程式</translation>
    </message>
    <message>
        <source>Agents to dispatch</source>
        <translation>要派送的代理程式</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>代理程式名稱</translation>
    </message>
    <message>
        <source>Job metadata</source>
        <translation>工作中繼資料</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Add an agent to dispatch</source>
        <translation>新增要派送的代理程式</translation>
    </message>
    <message>
        <source>Remove the selected agent</source>
        <translation>移除所選代理程式</translation>
    </message>
    <message>
        <source>Room configuration check</source>
        <translation>房間設定檢查</translation>
    </message>
    <message>
        <source>Agents dispatched when the room is created:</source>
        <translation>建立房間時派送的代理程式：</translation>
    </message>
    <message>
        <source>roomConfig: %1</source>
        <translation>roomConfig：%1</translation>
    </message>
    <message>
        <source>Fix the JSON above first.</source>
        <translation>請先修正上方的 JSON。</translation>
    </message>
    <message>
        <source>No room configuration: the server&apos;s defaults apply.</source>
        <translation>沒有房間設定：套用伺服器的預設值。</translation>
    </message>
    <message>
        <source>Room configuration is valid; it applies when this token creates the room.</source>
        <translation>房間設定有效；會在此權杖建立房間時套用。</translation>
    </message>
    <message>
        <source>Room configuration problem: %1</source>
        <translation>房間設定有問題：%1</translation>
    </message>
    <message>
        <source>Add agent</source>
        <translation>新增代理程式</translation>
    </message>
</context>
<context>
    <name>td::ui::ServerPage</name>
    <message>
        <source>&amp;Import…</source>
        <translation>匯入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>匯出(&amp;X)…</translation>
    </message>
    <message>
        <source>Start or stop the token server</source>
        <translation>啟動或停止權杖伺服器</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>伺服器 URL</translation>
    </message>
    <message>
        <source>Copy the server URL</source>
        <translation>複製伺服器 URL</translation>
    </message>
    <message>
        <source>Import a server config file</source>
        <translation>匯入伺服器組態檔</translation>
    </message>
    <message>
        <source>Export the server config file</source>
        <translation>匯出伺服器組態檔</translation>
    </message>
    <message>
        <source>Server settings</source>
        <translation>伺服器設定</translation>
    </message>
    <message>
        <source>Call the selected endpoint</source>
        <translation>呼叫所選端點</translation>
    </message>
    <message>
        <source>Bearer keys (with any, every request needs one)</source>
        <translation>存取金鑰（只要有任何一把，每個請求都必須附上金鑰）</translation>
    </message>
    <message>
        <source>%1 could not be read (%2); the page starts with an empty config.</source>
        <translation>無法讀取 %1（%2）；頁面將以空白組態開始。</translation>
    </message>
    <message>
        <source>The server config could not be saved: %1</source>
        <translation>無法儲存伺服器組態：%1</translation>
    </message>
    <message>
        <source>there is no profile named %1; add it on the Profiles page</source>
        <translation>沒有名為 %1 的設定檔；請在「設定檔」頁面新增</translation>
    </message>
    <message>
        <source>The policy of this endpoint has an error: %1</source>
        <translation>此端點的政策有錯誤：%1</translation>
    </message>
    <message>
        <source>Stop and start the server to listen on the new address or port.</source>
        <translation>請停止後重新啟動伺服器，以監聽新的位址或連接埠。</translation>
    </message>
    <message>
        <source>The server did not start: the config has an error (shown beside it).</source>
        <translation>伺服器未啟動：組態有錯誤（顯示在該項目旁）。</translation>
    </message>
    <message>
        <source>The server did not start: %1</source>
        <translation>伺服器未啟動：%1</translation>
    </message>
    <message>
        <source>Listening on %1 without bearer keys: anyone who can reach this address can mint tokens. Generate a key on the Access tab.</source>
        <translation>正在 %1 監聽，但沒有存取金鑰：任何能連到此位址的人都能簽發權杖。請在「存取」分頁產生金鑰。</translation>
    </message>
    <message>
        <source>S&amp;top server</source>
        <translation>停止伺服器(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation>啟動伺服器(&amp;S)</translation>
    </message>
    <message>
        <source>Open %1 in the browser</source>
        <translation>在瀏覽器中開啟 %1</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>未執行</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <source>Select an endpoint to see how to call it.</source>
        <translation>請選擇端點以查看呼叫方式。</translation>
    </message>
    <message>
        <source>Import server config</source>
        <translation>匯入伺服器組態</translation>
    </message>
    <message>
        <source>Server config (*.json);;All files (*)</source>
        <translation>伺服器組態 (*.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>無法開啟 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a server config: %2</source>
        <translation>%1 不是伺服器組態：%2</translation>
    </message>
    <message>
        <source>Export server config</source>
        <translation>匯出伺服器組態</translation>
    </message>
    <message>
        <source>Server config (*.json)</source>
        <translation>伺服器組態 (*.json)</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>Policy of the selected endpoint</source>
        <translation>所選端點的政策</translation>
    </message>
    <message>
        <source>Running, with a warning: %1</source>
        <translation>執行中，有一則警告：%1</translation>
    </message>
    <message>
        <source>Copy &amp;URL</source>
        <translation>複製 URL(&amp;U)</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端點</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>存取</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>請求記錄</translation>
    </message>
</context>
<context>
    <name>td::ui::SettingsDialog</name>
    <message>
        <source>&amp;Keep token strings in history</source>
        <translation>在歷程記錄中保留權杖字串(&amp;K)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Clear the clipboard after</source>
        <translation>剪貼簿清除時間</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>&amp;Clear copied tokens after:</source>
        <translation>已複製權杖的清除時間(&amp;C)：</translation>
    </message>
    <message>
        <source>Default TTL for %1</source>
        <translation>%1 的預設 TTL</translation>
    </message>
    <message>
        <source>Durations like 6h, 90m, 1h30m or seconds</source>
        <translation>時間長度，例如 6h、90m、1h30m 或秒數</translation>
    </message>
    <message>
        <source>Default TTL, %1:</source>
        <translation>%1 預設 TTL：</translation>
    </message>
    <message>
        <source>Secret store</source>
        <translation>密鑰儲存區</translation>
    </message>
    <message>
        <source>Automatic (system keychain, else encrypted vault)</source>
        <translation>自動（優先使用系統金鑰圈，否則使用加密保險庫）</translation>
    </message>
    <message>
        <source>System keychain</source>
        <translation>系統金鑰圈</translation>
    </message>
    <message>
        <source>Encrypted vault file</source>
        <translation>加密保險庫檔案</translation>
    </message>
    <message>
        <source>Takes effect the next time TokenDesk starts</source>
        <translation>下次啟動 TokenDesk 時生效</translation>
    </message>
    <message>
        <source>&amp;Secret store:</source>
        <translation>密鑰儲存區(&amp;S)：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>History retention</source>
        <translation>歷程記錄保留期限</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>forever</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>Keep &amp;history for:</source>
        <translation>歷程記錄保留(&amp;H)：</translation>
    </message>
    <message>
        <source>Keep token strings in history</source>
        <translation>在歷程記錄中保留權杖字串</translation>
    </message>
    <message>
        <source>Tokens are credentials: anyone who reads the history file can use them until they expire</source>
        <translation>權杖是憑證：任何能讀取歷程記錄檔案的人，在權杖到期前都能使用它們</translation>
    </message>
    <message>
        <source>Default TTL for %1: use a duration such as 6h, 90m or 3600</source>
        <translation>%1 的預設 TTL：請使用時間長度，例如 6h、90m 或 3600</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系統</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主題(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>td::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>全域</translation>
    </message>
    <message>
        <source>Go to a page (Profiles, Mint, Inspect, Server, History, Batch)</source>
        <translation>前往頁面（設定檔、簽發、檢視、伺服器、歷程記錄、批次）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>此清單</translation>
    </message>
    <message>
        <source>A control by its underlined letter</source>
        <translation>以底線字母選取控制項</translation>
    </message>
    <message>
        <source>Quit (clears a copied token from the clipboard)</source>
        <translation>結束（並從剪貼簿清除已複製的權杖）</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>簽發</translation>
    </message>
    <message>
        <source>Mint the token</source>
        <translation>簽發權杖</translation>
    </message>
    <message>
        <source>Copy the token</source>
        <translation>複製權杖</translation>
    </message>
    <message>
        <source>Copy the join link</source>
        <translation>複製加入連結</translation>
    </message>
    <message>
        <source>Profiles, History and the request log</source>
        <translation>設定檔、歷程記錄與請求記錄</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Clear the search, back to the list</source>
        <translation>清除搜尋並回到清單</translation>
    </message>
    <message>
        <source>Edit the selected profile</source>
        <translation>編輯所選設定檔</translation>
    </message>
    <message>
        <source>Copy the selected profile&apos;s name</source>
        <translation>複製所選設定檔的名稱</translation>
    </message>
    <message>
        <source>Delete the selected profile (with Undo)</source>
        <translation>刪除所選設定檔（可復原）</translation>
    </message>
    <message>
        <source>Context menu</source>
        <translation>快顯選單</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Paste rows from a spreadsheet</source>
        <translation>從試算表貼上列</translation>
    </message>
    <message>
        <source>Find a row</source>
        <translation>尋找列</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
</context>
<context>
    <name>td::ui::SnippetPanel</name>
    <message>
        <source>Show the &amp;bearer key</source>
        <translation>顯示存取金鑰(&amp;B)</translation>
    </message>
    <message>
        <source>curl command for the selected endpoint</source>
        <translation>所選端點的 curl 指令</translation>
    </message>
    <message>
        <source>fetch() snippet for the selected endpoint</source>
        <translation>所選端點的 fetch() 程式碼片段</translation>
    </message>
    <message>
        <source>Show the bearer key in the snippets</source>
        <translation>在程式碼片段中顯示存取金鑰</translation>
    </message>
    <message>
        <source>Copy the curl command</source>
        <translation>複製 curl 指令</translation>
    </message>
    <message>
        <source>Copy the fetch() snippet</source>
        <translation>複製 fetch() 程式碼片段</translation>
    </message>
    <message>
        <source>No bearer keys: any client on this machine can call the endpoint.</source>
        <translation>沒有存取金鑰：這台機器上的任何用戶端都能呼叫此端點。</translation>
    </message>
    <message>
        <source>With the key in %1. Copying gives the working line; it is cleared from the clipboard after a while.</source>
        <translation>金鑰取自變數 %1。複製時會得到可直接執行的內容；一段時間後會從剪貼簿清除。</translation>
    </message>
    <message>
        <source>Copy curl</source>
        <translation>複製 curl</translation>
    </message>
    <message>
        <source>Copy fetch()</source>
        <translation>複製 fetch()</translation>
    </message>
    <message>
        <source>curl:</source>
        <translation>curl：</translation>
    </message>
    <message>
        <source>fetch():</source>
        <translation>fetch()：</translation>
    </message>
</context>
<context>
    <name>td::ui::StreamForm</name>
    <message>
        <source>Stream claims problem</source>
        <translation>Stream 宣告問題</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>使用者 ID</translation>
    </message>
    <message>
        <source>the user the token is for, e.g. alice</source>
        <translation>權杖所屬的使用者，例如 alice</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通話</translation>
    </message>
    <message>
        <source>empty: a user token; else type:id, e.g. default:standup</source>
        <translation>空白：使用者權杖；否則為 type:id，例如 default:standup</translation>
    </message>
    <message>
        <source>call_cids: the calls a call token opens, separated by commas. Other calls refuse it.</source>
        <translation>call_cids：通話權杖可進入的通話，以逗號分隔。其他通話會拒絕它。</translation>
    </message>
    <message>
        <source>Role in the calls</source>
        <translation>在通話中的角色</translation>
    </message>
    <message>
        <source>(the user&apos;s own role)</source>
        <translation>（使用者本身的角色）</translation>
    </message>
    <message>
        <source>role: what the user is in the listed calls; what each role may do is set per call type in the Stream dashboard</source>
        <translation>role：使用者在所列通話中的身分；各角色可做什麼，由 Stream 主控台依通話類型設定</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>使用者 ID(&amp;U)：</translation>
    </message>
    <message>
        <source>C&amp;alls:</source>
        <translation>通話(&amp;A)：</translation>
    </message>
    <message>
        <source>Rol&amp;e:</source>
        <translation>角色(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>td::ui::Toast</name>
    <message>
        <source>Notification</source>
        <translation>通知</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>System language</source>
        <translation>系統語言</translation>
    </message>
</context>
<context>
    <name>td::ui::TriStateComboBox</name>
    <message>
        <source>unset (%1)</source>
        <translation>未設定（%1）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Unset leaves the claim out of the token, so LiveKit applies its default: %1.</source>
        <translation>未設定時，權杖不含此宣告，LiveKit 會套用其預設值：%1。</translation>
    </message>
</context>
<context>
    <name>td::ui::TwilioForm</name>
    <message>
        <source>Vi&amp;deo grant</source>
        <translation>Video 授權(&amp;D)</translation>
    </message>
    <message>
        <source>Voice: incoming call&amp;s</source>
        <translation>Voice：接聽來電(&amp;S)</translation>
    </message>
    <message>
        <source>Twilio grants problem</source>
        <translation>Twilio 授權有問題</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身分</translation>
    </message>
    <message>
        <source>the user&apos;s identity, e.g. alice</source>
        <translation>使用者的身分，例如 alice</translation>
    </message>
    <message>
        <source>Video grant</source>
        <translation>Video 授權</translation>
    </message>
    <message>
        <source>video: lets the token connect to Twilio Video rooms</source>
        <translation>video：讓權杖可連線到 Twilio Video 房間</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房間</translation>
    </message>
    <message>
        <source>empty: every room of the account</source>
        <translation>留空：帳戶的所有房間</translation>
    </message>
    <message>
        <source>Chat service SID</source>
        <translation>Chat 服務 SID</translation>
    </message>
    <message>
        <source>IS…, empty: no Chat grant</source>
        <translation>IS…，留空：不含 Chat 授權</translation>
    </message>
    <message>
        <source>Sync service SID</source>
        <translation>Sync 服務 SID</translation>
    </message>
    <message>
        <source>IS…, empty: no Sync grant</source>
        <translation>IS…，留空：不含 Sync 授權</translation>
    </message>
    <message>
        <source>Voice app SID</source>
        <translation>Voice 應用程式 SID</translation>
    </message>
    <message>
        <source>AP…, empty: no outgoing calls</source>
        <translation>AP…，留空：不能撥出電話</translation>
    </message>
    <message>
        <source>Voice: incoming calls</source>
        <translation>Voice：接聽來電</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>身分(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>房間(&amp;R)：</translation>
    </message>
    <message>
        <source>Ch&amp;at service SID:</source>
        <translation>Chat 服務 SID(&amp;A)：</translation>
    </message>
    <message>
        <source>S&amp;ync service SID:</source>
        <translation>Sync 服務 SID(&amp;Y)：</translation>
    </message>
    <message>
        <source>Voice a&amp;pp SID:</source>
        <translation>Voice 應用程式 SID(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>td::ui::VonageForm</name>
    <message>
        <source>Session token problem</source>
        <translation>工作階段權杖有問題</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>工作階段 ID</translation>
    </message>
    <message>
        <source>the session&apos;s ID, e.g. 2_MX4…</source>
        <translation>工作階段的 ID，例如 2_MX4…</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>publisher: publish and subscribe</source>
        <translation>publisher：發布並訂閱</translation>
    </message>
    <message>
        <source>subscriber: subscribe only</source>
        <translation>subscriber：只能訂閱</translation>
    </message>
    <message>
        <source>moderator: also disconnect others</source>
        <translation>moderator：還能中斷其他人的連線</translation>
    </message>
    <message>
        <source>publisheronly: publish only</source>
        <translation>publisheronly：只能發布</translation>
    </message>
    <message>
        <source>Connection data</source>
        <translation>連線資料</translation>
    </message>
    <message>
        <source>what other clients see, e.g. name=alice</source>
        <translation>其他用戶端看得到的內容，例如 name=alice</translation>
    </message>
    <message>
        <source>Layout classes</source>
        <translation>版面配置類別</translation>
    </message>
    <message>
        <source>space separated, e.g. focus full</source>
        <translation>以空格分隔，例如 focus full</translation>
    </message>
    <message>
        <source>Sess&amp;ion ID:</source>
        <translation>工作階段 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>Rol&amp;e:</source>
        <translation>角色(&amp;E)：</translation>
    </message>
    <message>
        <source>Connection &amp;data:</source>
        <translation>連線資料(&amp;D)：</translation>
    </message>
    <message>
        <source>La&amp;yout classes:</source>
        <translation>版面配置類別(&amp;Y)：</translation>
    </message>
    <message>
        <source>This session was not made with the profile&apos;s API key %1: OpenTok refuses the token.</source>
        <translation>此工作階段不是以設定檔的 API 金鑰 %1 建立的：OpenTok 會拒絕此權杖。</translation>
    </message>
</context>
<context>
    <name>td::ui::WelcomeView</name>
    <message>
        <source>Found on this machine</source>
        <translation>在此電腦上找到</translation>
    </message>
    <message>
        <source>Welcome to TokenDesk</source>
        <translation>歡迎使用 TokenDesk</translation>
    </message>
    <message>
        <source>Mint a token</source>
        <translation>簽發權杖</translation>
    </message>
    <message>
        <source>Tokens are signed with your project&apos;s credentials, kept as a profile; the secrets go to the secret store shown in the status bar. A local LiveKit dev server takes one click.</source>
        <translation>權杖以您專案的憑證簽署，憑證保存為設定檔；密鑰存放在狀態列所示的密鑰儲存區。本機 LiveKit 開發伺服器只需按一下即可設定。</translation>
    </message>
    <message>
        <source>LiveKit &amp;dev server</source>
        <translation>LiveKit 開發伺服器(&amp;D)</translation>
    </message>
    <message>
        <source>Add the LiveKit dev server profile and mint with it</source>
        <translation>新增 LiveKit 開發伺服器設定檔並以其簽發</translation>
    </message>
    <message>
        <source>Adds the profile livekit-dev: API key devkey, secret &quot;secret&quot;, server ws://localhost:7880, as livekit-server --dev and lk --dev use</source>
        <translation>新增設定檔 livekit-dev：API 金鑰 devkey、密鑰 &quot;secret&quot;、伺服器 ws://localhost:7880，與 livekit-server --dev 及 lk --dev 所用的相同</translation>
    </message>
    <message>
        <source>Add a &amp;profile</source>
        <translation>新增設定檔(&amp;P)</translation>
    </message>
    <message>
        <source>Add a profile for your provider</source>
        <translation>為您的服務商新增設定檔</translation>
    </message>
    <message>
        <source>Inspect a token</source>
        <translation>檢視權杖</translation>
    </message>
    <message>
        <source>Paste a token, a join link or an Authorization header: decoded as you paste, with its permissions in plain words. No profile needed.</source>
        <translation>貼上權杖、加入連結或 Authorization 標頭：貼上即解碼，並以白話說明其權限。不需要設定檔。</translation>
    </message>
    <message>
        <source>&amp;Inspect a token</source>
        <translation>檢視權杖(&amp;I)</translation>
    </message>
    <message>
        <source>Open Inspect to paste a token</source>
        <translation>開啟「檢視」以貼上權杖</translation>
    </message>
    <message>
        <source>Serve tokens to a frontend</source>
        <translation>為前端提供權杖</translation>
    </message>
    <message>
        <source>A local HTTP endpoint your web app calls for tokens, with CORS and a policy that limits what a client may ask for. Starts from a template endpoint.</source>
        <translation>一個本機 HTTP 端點，供您的網頁應用程式取得權杖，具備 CORS 與限制用戶端請求內容的政策。從範本端點開始。</translation>
    </message>
    <message>
        <source>Set up the &amp;server</source>
        <translation>設定伺服器(&amp;S)</translation>
    </message>
    <message>
        <source>Open the Server page with a template endpoint</source>
        <translation>開啟「伺服器」頁面並加入範本端點</translation>
    </message>
    <message numerus="yes">
        <source>livekit-cli config %1: %n project(s) (%2)</source>
        <translation>
            <numerusform>livekit-cli 組態 %1：%n 個專案（%2）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Environment variables of this session: %n profile(s) (%1)</source>
        <translation>
            <numerusform>此工作階段的環境變數：%n 個設定檔（%1）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n profile(s) (%2)</source>
        <translation>
            <numerusform>%1：%n 個設定檔（%2）</numerusform>
        </translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>匯入…</translation>
    </message>
    <message>
        <source>Import from %1</source>
        <translation>從 %1 匯入</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>環境變數</translation>
    </message>
    <message>
        <source>The local LiveKit dev server (livekit-server --dev)</source>
        <translation>本機 LiveKit 開發伺服器（livekit-server --dev）</translation>
    </message>
    <message>
        <source>LiveKit dev server</source>
        <translation>LiveKit 開發伺服器</translation>
    </message>
    <message>
        <source>Mint, inspect and serve access tokens for %1. What did you come for?</source>
        <translation>為 %1 簽發、檢視及提供存取權杖。您想做什麼？</translation>
    </message>
    <message>
        <source>Nothing to import was found: TokenDesk looked for ~/.livekit/cli-config.yaml, the %1 variables, and a .env or .dev.vars in %2.</source>
        <translation>找不到可匯入的項目：TokenDesk 已尋找 ~/.livekit/cli-config.yaml、%1 變數，以及 %2 中的 .env 或 .dev.vars。</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Show the secret while this is on</source>
        <translation>開啟時顯示密鑰</translation>
    </message>
    <message>
        <source>Show the secret</source>
        <translation>顯示密鑰</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜尋</translation>
    </message>
</context>
<context>
    <name>td::ui::ZegoForm</name>
    <message>
        <source>User ID problem</source>
        <translation>使用者 ID 問題</translation>
    </message>
    <message>
        <source>&amp;None (basic token)</source>
        <translation>無（基本權杖）(&amp;N)</translation>
    </message>
    <message>
        <source>Room &amp;privileges</source>
        <translation>房間權限(&amp;P)</translation>
    </message>
    <message>
        <source>Custom pa&amp;yload</source>
        <translation>自訂酬載(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Allow publishing streams</source>
        <translation>允許發布串流(&amp;A)</translation>
    </message>
    <message>
        <source>Only these &amp;streams:</source>
        <translation>僅限這些串流(&amp;S)：</translation>
    </message>
    <message>
        <source>Payload check</source>
        <translation>酬載檢查</translation>
    </message>
    <message>
        <source>Make a UIKit &amp;Kit Token (room ID and user name after a &apos;#&apos;)</source>
        <translation>產生 UIKit 的 Kit Token（&apos;#&apos; 後接房間 ID 與使用者名稱）(&amp;K)</translation>
    </message>
    <message>
        <source>Kit Token problem</source>
        <translation>Kit Token 問題</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>使用者 ID</translation>
    </message>
    <message>
        <source>1 to %1 characters, e.g. user1</source>
        <translation>1 到 %1 個字元，例如 user1</translation>
    </message>
    <message>
        <source>The userID the client logs in with. Every official generator refuses an empty one; the newest ones also refuse more than %1 characters.</source>
        <translation>用戶端登入時使用的 userID。所有官方產生器都會拒絕空白值；最新版本也會拒絕超過 %1 個字元的值。</translation>
    </message>
    <message>
        <source>Cipher</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <source>AES-256-GCM (newest official generator)</source>
        <translation>AES-256-GCM（最新的官方產生器）</translation>
    </message>
    <message>
        <source>AES-256-CBC (every official generator)</source>
        <translation>AES-256-CBC（所有官方產生器）</translation>
    </message>
    <message>
        <source>ZEGOCLOUD accepts both layouts. GCM is authenticated and what the newest Node.js generator writes; CBC is what all other official generators write.</source>
        <translation>ZEGOCLOUD 接受這兩種格式。GCM 屬於驗證式加密，是最新版 Node.js 產生器所用的格式；其他所有官方產生器則使用 CBC。</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>使用者 ID(&amp;U)：</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>酬載</translation>
    </message>
    <message>
        <source>No payload</source>
        <translation>無酬載</translation>
    </message>
    <message>
        <source>An empty payload: the token only proves the user ID.</source>
        <translation>空白酬載：權杖只證明使用者 ID。</translation>
    </message>
    <message>
        <source>Room privilege payload</source>
        <translation>房間權限酬載</translation>
    </message>
    <message>
        <source>The JSON the official samples write for room authentication. ZEGO support has to enable room authentication for the AppID; in-app chat (ZIM) ignores it.</source>
        <translation>官方範例為房間驗證所寫的 JSON。須由 ZEGO 技術支援為該 AppID 啟用房間驗證；應用內聊天（ZIM）會忽略此內容。</translation>
    </message>
    <message>
        <source>Custom payload</source>
        <translation>自訂酬載</translation>
    </message>
    <message>
        <source>Any text; ZEGOCLOUD receives it as is.</source>
        <translation>任何文字；ZEGOCLOUD 會原樣接收。</translation>
    </message>
    <message>
        <source>Room ID</source>
        <translation>房間 ID</translation>
    </message>
    <message>
        <source>empty: any room</source>
        <translation>空白：任何房間</translation>
    </message>
    <message>
        <source>Allow login</source>
        <translation>允許登入</translation>
    </message>
    <message>
        <source>Privilege 1: may log into the room.</source>
        <translation>權限 1：可登入房間。</translation>
    </message>
    <message>
        <source>Allow publishing</source>
        <translation>允許發布</translation>
    </message>
    <message>
        <source>Privilege 2: may publish streams in the room.</source>
        <translation>權限 2：可在房間中發布串流。</translation>
    </message>
    <message>
        <source>Restrict publishing to listed streams</source>
        <translation>僅限發布列出的串流</translation>
    </message>
    <message>
        <source>Off: stream_id_list is null, so the user may publish any stream ID.</source>
        <translation>關閉：stream_id_list 為 null，使用者可發布任何串流 ID。</translation>
    </message>
    <message>
        <source>Stream IDs</source>
        <translation>串流 ID</translation>
    </message>
    <message>
        <source>stream IDs separated by commas, e.g. s1, s2</source>
        <translation>以逗號分隔的串流 ID，例如 s1, s2</translation>
    </message>
    <message>
        <source>Payload preview</source>
        <translation>酬載預覽</translation>
    </message>
    <message>
        <source>free text, or room-privilege JSON</source>
        <translation>自由文字，或房間權限 JSON</translation>
    </message>
    <message>
        <source>Kit Token</source>
        <translation>Kit Token</translation>
    </message>
    <message>
        <source>Make a Kit Token</source>
        <translation>產生 Kit Token</translation>
    </message>
    <message>
        <source>The prebuilt web UIKit takes a Kit Token: the Token04, a &apos;#&apos;, and base64 JSON with the user ID, room ID and a percent-encoded user name.</source>
        <translation>預先建置的網頁版 UIKit 使用 Kit Token：由 Token04、&apos;#&apos;，以及含使用者 ID、房間 ID 與百分比編碼使用者名稱的 base64 JSON 組成。</translation>
    </message>
    <message>
        <source>Kit Token room ID</source>
        <translation>Kit Token 房間 ID</translation>
    </message>
    <message>
        <source>the room the UIKit joins</source>
        <translation>UIKit 要加入的房間</translation>
    </message>
    <message>
        <source>Kit Token user name</source>
        <translation>Kit Token 使用者名稱</translation>
    </message>
    <message>
        <source>display name, any characters</source>
        <translation>顯示名稱，可使用任何字元</translation>
    </message>
    <message>
        <source>the ZEGOCLOUD form has no field for &quot;%1&quot;: its claims are user_id, payload, cipher and kit</source>
        <translation>ZEGOCLOUD 表單沒有「%1」欄位：其宣告為 user_id、payload、cipher 與 kit</translation>
    </message>
    <message>
        <source>%1 must be a string</source>
        <translation>%1 必須是字串</translation>
    </message>
    <message>
        <source>cipher must be gcm or cbc, not &quot;%1&quot;</source>
        <translation>cipher 必須是 gcm 或 cbc，而不是「%1」</translation>
    </message>
    <message>
        <source>kit must be an object with room_id and user_name</source>
        <translation>kit 必須是含有 room_id 與 user_name 的物件</translation>
    </message>
    <message>
        <source>the Kit Token has no field &quot;%1&quot;: it takes room_id and user_name</source>
        <translation>Kit Token 沒有「%1」欄位：只接受 room_id 與 user_name</translation>
    </message>
    <message>
        <source>payload: %1</source>
        <translation>payload：%1</translation>
    </message>
    <message>
        <source>An empty payload makes a basic token.</source>
        <translation>空白酬載會產生基本權杖。</translation>
    </message>
    <message>
        <source>Free text: ZEGOCLOUD receives it as is. Room authentication needs the room-privilege JSON (room_id, privilege, stream_id_list).</source>
        <translation>自由文字：ZEGOCLOUD 會原樣接收。房間驗證需要房間權限 JSON（room_id、privilege、stream_id_list）。</translation>
    </message>
    <message>
        <source>The payload must be the room-privilege JSON or free text, and this privilege JSON is broken: %1.</source>
        <translation>酬載必須是房間權限 JSON 或自由文字，而這段權限 JSON 有誤：%1。</translation>
    </message>
    <message>
        <source>Room-privilege JSON, valid.</source>
        <translation>房間權限 JSON，有效。</translation>
    </message>
    <message>
        <source>Allow log&amp;in to the room</source>
        <translation>允許登入房間(&amp;I)</translation>
    </message>
    <message>
        <source>Ciphe&amp;r:</source>
        <translation>加密方式(&amp;R)：</translation>
    </message>
    <message>
        <source>Room I&amp;D:</source>
        <translation>房間 ID(&amp;D)：</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>文字(&amp;X)：</translation>
    </message>
    <message>
        <source>Roo&amp;m ID:</source>
        <translation>房間 ID(&amp;M)：</translation>
    </message>
    <message>
        <source>User nam&amp;e:</source>
        <translation>使用者名稱(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Choose a passphrase for the new vault %1</source>
        <translation>為新的加密保險庫 %1 設定密語</translation>
    </message>
    <message>
        <source>Passphrase of the vault %1</source>
        <translation>加密保險庫 %1 的密語</translation>
    </message>
    <message>
        <source>the vault stays locked: no passphrase given</source>
        <translation>加密保險庫維持鎖定：未提供密語</translation>
    </message>
    <message>
        <source>encrypted vault %1</source>
        <translation>加密保險庫 %1</translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation>系統金鑰圈</translation>
    </message>
    <message>
        <source>system keychain, or the encrypted vault if none answers (opened at first use)</source>
        <translation>系統金鑰圈；若沒有回應則使用加密保險庫（首次使用時開啟）</translation>
    </message>
</context>
<context>
    <name>td::Error</name>
    <message>
        <source>%1: &quot;%2&quot; is not true or false</source>
        <translation>%1：&quot;%2&quot; 不是 true 或 false</translation>
    </message>
    <message>
        <source>%1: not a JSON array (%2 at offset %3)</source>
        <translation>%1：不是 JSON 陣列（%2，位於位移 %3）</translation>
    </message>
    <message>
        <source>%1: every item must be a string</source>
        <translation>%1：每個項目都必須是字串</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2 at offset %3)</source>
        <translation>%1：不是 JSON 物件（%2，位於位移 %3）</translation>
    </message>
    <message>
        <source>identity: empty, and LiveKit needs one to join a room</source>
        <translation>identity：空白，而 LiveKit 需要身分才能加入房間</translation>
    </message>
    <message>
        <source>room: empty (give a room column or a default room)</source>
        <translation>room：空白（請提供 room 欄或預設房間）</translation>
    </message>
    <message>
        <source>identity: empty (the Zego user ID)</source>
        <translation>identity：空白（即 Zego 使用者 ID）</translation>
    </message>
    <message>
        <source>preset: &quot;%1&quot; is not a Zego preset; use viewer (login only) or speaker (login and publish)</source>
        <translation>preset：&quot;%1&quot; 不是 Zego 預設組合；請使用 viewer（僅登入）或 speaker（登入並發布）</translation>
    </message>
    <message>
        <source>kit: a Kit Token needs a room</source>
        <translation>kit：Kit Token 需要房間</translation>
    </message>
    <message>
        <source>room: empty (a room name, or * for any room)</source>
        <translation>room：空白（請填寫房間名稱，或以 * 表示任何房間）</translation>
    </message>
    <message>
        <source>identity: empty (and no name either)</source>
        <translation>identity：空白（也沒有名稱）</translation>
    </message>
    <message>
        <source>preset: &quot;%1&quot; is not a Jitsi preset; use moderator or participant</source>
        <translation>preset：&quot;%1&quot; 不是 Jitsi 預設組合；請使用 moderator 或 participant</translation>
    </message>
    <message>
        <source>column &quot;%1&quot; does not apply to %2 profiles (its permissions would be ignored); %2 columns: %3</source>
        <translation>&quot;%1&quot; 欄不適用於 %2 設定檔（其權限會被忽略）；%2 可用的欄：%3</translation>
    </message>
    <message>
        <source>no identity column (also accepted: user_id, id, user); columns found: %1</source>
        <translation>沒有 identity 欄（也接受：user_id、id、user）；找到的欄：%1</translation>
    </message>
    <message>
        <source>%1: does not apply to %2 profiles</source>
        <translation>%1：不適用於 %2 設定檔</translation>
    </message>
    <message>
        <source>ttl: must be positive</source>
        <translation>ttl：必須是正數</translation>
    </message>
    <message>
        <source>the profile has no provider</source>
        <translation>設定檔沒有供應商</translation>
    </message>
    <message>
        <source>cannot tell the format of %1: use .csv (or .tsv) or .json</source>
        <translation>無法判斷 %1 的格式：請使用 .csv（或 .tsv）或 .json</translation>
    </message>
    <message>
        <source>cannot tell the format of %1: use .csv or .json</source>
        <translation>無法判斷 %1 的格式：請使用 .csv 或 .json</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1: %2 (the previous file, if any, is kept)</source>
        <translation>無法寫入 %1：%2（若已有先前的檔案，會予以保留）</translation>
    </message>
    <message>
        <source>the matrix needs a room</source>
        <translation>矩陣需要房間</translation>
    </message>
    <message>
        <source>unknown publish source &quot;%1&quot;; LiveKit knows %2</source>
        <translation>未知的發布媒體來源 &quot;%1&quot;；LiveKit 認得的有：%2</translation>
    </message>
    <message>
        <source>unknown dimension &quot;%1&quot; for %2; choose from %3</source>
        <translation>%2 沒有 &quot;%1&quot; 這個維度；請從以下選擇：%3</translation>
    </message>
    <message>
        <source>more than %1 combinations: choose fewer dimensions or values</source>
        <translation>組合超過 %1 種：請選擇較少的維度或值</translation>
    </message>
    <message>
        <source>the input is empty (expected a header row)</source>
        <translation>輸入內容是空的（應有標題列）</translation>
    </message>
    <message>
        <source>the input is empty (expected a JSON array of rows)</source>
        <translation>輸入內容是空的（應為由各列組成的 JSON 陣列）</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>%1 is a symbolic link: refusing to write through it (remove it, or choose another file)</source>
        <translation>%1 是符號連結：拒絕透過它寫入（請移除它，或選擇其他檔案）</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 不是一般檔案</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>cannot save %1: not open</source>
        <translation>無法儲存 %1：檔案未開啟</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>無法儲存 %1：%2</translation>
    </message>
    <message>
        <source>the save of %1 was interrupted</source>
        <translation>%1 的儲存作業被中斷</translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation>無法讀取 %1</translation>
    </message>
    <message>
        <source>the livekit-cli config is not valid YAML (line %1, column %2)</source>
        <translation>livekit-cli 組態不是有效的 YAML（第 %1 行，第 %2 欄）</translation>
    </message>
    <message>
        <source>the livekit-cli config has no &quot;projects&quot; list</source>
        <translation>livekit-cli 組態沒有 &quot;projects&quot; 清單</translation>
    </message>
    <message>
        <source>the livekit-cli config lists no projects</source>
        <translation>livekit-cli 組態未列出任何專案</translation>
    </message>
    <message>
        <source>this file is an encrypted bundle: it needs its passphrase</source>
        <translation>此檔案是加密組合包：需要它的密語</translation>
    </message>
    <message>
        <source>this vault is not an export bundle</source>
        <translation>這是加密保險庫，不是匯出的組合包</translation>
    </message>
    <message>
        <source>keychain: no answer within 30 s</source>
        <translation>系統金鑰圈：30 秒內沒有回應</translation>
    </message>
    <message>
        <source>profile name &quot;%1&quot; is not valid</source>
        <translation>設定檔名稱 &quot;%1&quot; 無效</translation>
    </message>
    <message>
        <source>profile %1: unknown provider &quot;%2&quot;</source>
        <translation>設定檔 %1：未知的供應商 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>profile %1: environment must be dev, staging or prod</source>
        <translation>設定檔 %1：環境必須是 dev、staging 或 prod</translation>
    </message>
    <message>
        <source>profile %1: domainVerification must be true or false</source>
        <translation>設定檔 %1：domainVerification 必須是 true 或 false</translation>
    </message>
    <message>
        <source>profile %1: secretGeneration is negative</source>
        <translation>設定檔 %1：secretGeneration 是負數</translation>
    </message>
    <message>
        <source>a profile named %1 exists</source>
        <translation>已有名為 %1 的設定檔</translation>
    </message>
    <message>
        <source>no profile named %1</source>
        <translation>沒有名為 %1 的設定檔</translation>
    </message>
    <message>
        <source>profiles file is not valid JSON (%1)</source>
        <translation>設定檔清單檔案不是有效的 JSON（%1）</translation>
    </message>
    <message>
        <source>profiles file format %1 was written by a newer TokenDesk</source>
        <translation>設定檔清單檔案的格式 %1 是由較新版的 TokenDesk 寫入的</translation>
    </message>
    <message>
        <source>profiles file has no valid &quot;version&quot;</source>
        <translation>設定檔清單檔案沒有有效的 &quot;version&quot;</translation>
    </message>
    <message>
        <source>no profile named &quot;%1&quot; (tokendesk-cli profile list)</source>
        <translation>沒有名為 &quot;%1&quot; 的設定檔 (tokendesk-cli profile list)</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>無法建立 %1</translation>
    </message>
    <message>
        <source>%1 is locked by another TokenDesk process</source>
        <translation>%1 已被另一個 TokenDesk 程序鎖定</translation>
    </message>
    <message>
        <source>the secret store is keychain, vault or auto, not &quot;%1&quot;</source>
        <translation>密鑰儲存區必須是 keychain、vault 或 auto，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the vault passphrase is empty</source>
        <translation>加密保險庫的密語是空的</translation>
    </message>
    <message>
        <source>no randomness for the vault</source>
        <translation>無法為加密保險庫取得隨機數</translation>
    </message>
    <message>
        <source>this is not a TokenDesk vault (wrong magic bytes)</source>
        <translation>這不是 TokenDesk 加密保險庫（magic bytes 不符）</translation>
    </message>
    <message>
        <source>the vault is truncated (%1 bytes): restore it from a backup</source>
        <translation>加密保險庫已被截斷（%1 位元組）：請從備份還原</translation>
    </message>
    <message>
        <source>vault format %1 is not supported by this TokenDesk (it reads format %2)</source>
        <translation>此版 TokenDesk 不支援加密保險庫格式 %1（它只能讀取格式 %2）</translation>
    </message>
    <message>
        <source>the vault names an unknown key derivation</source>
        <translation>加密保險庫指定了未知的金鑰衍生方式</translation>
    </message>
    <message>
        <source>wrong vault passphrase (or the vault&apos;s header was modified)</source>
        <translation>加密保險庫密語錯誤（或加密保險庫的標頭已遭修改）</translation>
    </message>
    <message>
        <source>the vault failed authentication: the file was modified or damaged after it was written; restore it from a backup</source>
        <translation>加密保險庫驗證失敗：檔案在寫入後遭到修改或損壞；請從備份還原</translation>
    </message>
    <message>
        <source>the vault&apos;s content is not a JSON object</source>
        <translation>加密保險庫的內容不是 JSON 物件</translation>
    </message>
    <message>
        <source>the vault %1 is locked by another TokenDesk process</source>
        <translation>加密保險庫 %1 已被另一個 TokenDesk 程序鎖定</translation>
    </message>
    <message>
        <source>cannot create the lock file next to %1</source>
        <translation>無法在 %1 旁建立鎖定檔</translation>
    </message>
    <message>
        <source>length %1 is not a multiple of 4 (truncated or missing &apos;=&apos; padding)</source>
        <translation>長度 %1 不是 4 的倍數（已被截斷，或缺少 &apos;=&apos; 填補）</translation>
    </message>
    <message>
        <source>length %1 cannot be valid base64 (truncated)</source>
        <translation>長度 %1 不可能是有效的 base64（已被截斷）</translation>
    </message>
    <message>
        <source>non-canonical encoding: trailing bits are not zero</source>
        <translation>非標準編碼：結尾的位元不是零</translation>
    </message>
    <message>
        <source>AES-256-CBC needs a 32-byte key and a 16-byte IV</source>
        <translation>AES-256-CBC 需要 32 位元組的金鑰與 16 位元組的 IV</translation>
    </message>
    <message>
        <source>AES-CBC ciphertext length %1 is not a positive multiple of 16</source>
        <translation>AES-CBC 密文長度 %1 不是 16 的正整數倍</translation>
    </message>
    <message>
        <source>AES-CBC padding is invalid: wrong key or corrupted ciphertext</source>
        <translation>AES-CBC 填補無效：金鑰錯誤或密文已損毀</translation>
    </message>
    <message>
        <source>AES-256-GCM needs a 32-byte key and a 12-byte nonce</source>
        <translation>AES-256-GCM 需要 32 位元組的金鑰與 12 位元組的 nonce</translation>
    </message>
    <message>
        <source>AES-GCM data is shorter than its 16-byte tag</source>
        <translation>AES-GCM 資料比其 16 位元組的標籤還短</translation>
    </message>
    <message>
        <source>AES-GCM authentication failed: wrong key or the data was modified</source>
        <translation>AES-GCM 驗證失敗：金鑰錯誤，或資料已遭修改</translation>
    </message>
    <message>
        <source>scrypt parameters out of range</source>
        <translation>scrypt 參數超出範圍</translation>
    </message>
    <message>
        <source>scrypt cost N=2^%1, r=%2, p=%3 is beyond TokenDesk&apos;s limit (N*r*p at most 2^23); the file was not written by TokenDesk or was tampered with</source>
        <translation>scrypt 成本 N=2^%1, r=%2, p=%3 超出 TokenDesk 的上限（N*r*p 最多為 2^23）；此檔案不是由 TokenDesk 寫入，或已遭竄改</translation>
    </message>
    <message>
        <source>this is a %1 key, not an RSA key: RS256 needs an RSA key of at least %2 bits</source>
        <translation>這是 %1 金鑰，不是 RSA 金鑰：RS256 需要至少 %2 位元的 RSA 金鑰</translation>
    </message>
    <message>
        <source>the RSA key has %1 bits; RS256 needs at least %2 (8x8 JaaS and jose reject smaller keys): generate a new key</source>
        <translation>此 RSA 金鑰只有 %1 位元；RS256 至少需要 %2 位元（8x8 JaaS 與 jose 會拒絕較小的金鑰）：請產生新的金鑰</translation>
    </message>
    <message>
        <source>the private key is encrypted: enter its passphrase (--passphrase-file), or export it without one (openssl pkey -in key.pem -out plain.pem)</source>
        <translation>私鑰已加密：請輸入其密語 (--passphrase-file)，或將它匯出為不含密語的版本（openssl pkey -in key.pem -out plain.pem）</translation>
    </message>
    <message>
        <source>the passphrase does not decrypt this private key (wrong passphrase, or the encrypted key is damaged)</source>
        <translation>此密語無法解密這個私鑰（密語錯誤，或加密的私鑰已損壞）</translation>
    </message>
    <message>
        <source>the %1 block does not contain a valid private key</source>
        <translation>%1 區塊不含有效的私鑰</translation>
    </message>
    <message>
        <source>the %1 block does not contain a valid public key</source>
        <translation>%1 區塊不含有效的公鑰</translation>
    </message>
    <message>
        <source>this is a %1, but signing needs the private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)</source>
        <translation>這是 %1，但簽署需要私鑰（-----BEGIN PRIVATE KEY----- 或 -----BEGIN RSA PRIVATE KEY-----）</translation>
    </message>
    <message>
        <source>this is an %1, not an RSA key: RS256 needs an RSA key</source>
        <translation>這是 %1，不是 RSA 金鑰：RS256 需要 RSA 金鑰</translation>
    </message>
    <message>
        <source>OpenSSH key format is not supported: convert it with ssh-keygen -p -m PKCS8 -f KEY</source>
        <translation>不支援 OpenSSH 金鑰格式：請以 ssh-keygen -p -m PKCS8 -f KEY 轉換</translation>
    </message>
    <message>
        <source>a PEM block labelled &quot;%1&quot; is not a private key</source>
        <translation>標記為 &quot;%1&quot; 的 PEM 區塊不是私鑰</translation>
    </message>
    <message>
        <source>the key is empty</source>
        <translation>金鑰是空的</translation>
    </message>
    <message>
        <source>the -----BEGIN ...----- line is missing: copy the whole key including it</source>
        <translation>缺少 -----BEGIN ...----- 這一行：請複製包含這一行在內的完整金鑰</translation>
    </message>
    <message>
        <source>no -----BEGIN ...----- line found: this is not a PEM key</source>
        <translation>找不到 -----BEGIN ...----- 行：這不是 PEM 金鑰</translation>
    </message>
    <message>
        <source>there is text before the -----BEGIN line (%1): remove it and keep only the block from -----BEGIN to -----END</source>
        <translation>-----BEGIN 行之前有其他文字（%1）：請將其移除，只保留從 -----BEGIN 到 -----END 的區塊</translation>
    </message>
    <message>
        <source>the -----BEGIN line is malformed</source>
        <translation>-----BEGIN 行的格式錯誤</translation>
    </message>
    <message>
        <source>the -----END line does not match -----BEGIN %1-----</source>
        <translation>-----END 行與 -----BEGIN %1----- 不相符</translation>
    </message>
    <message>
        <source>the -----END %1----- line is missing: the key was cut off when copied</source>
        <translation>缺少 -----END %1----- 行：金鑰在複製時被截斷了</translation>
    </message>
    <message>
        <source>the PEM block has no body</source>
        <translation>PEM 區塊沒有內容</translation>
    </message>
    <message>
        <source>the key body is not valid base64 (%1): it was probably cut off or edited</source>
        <translation>金鑰內容不是有效的 base64（%1）：可能已被截斷或修改</translation>
    </message>
    <message>
        <source>the key body is not valid base64 (%1)</source>
        <translation>金鑰內容不是有效的 base64（%1）</translation>
    </message>
    <message>
        <source>cannot turn core dumps off (setrlimit RLIMIT_CORE: %1); TokenDesk does not run where a crash could write its secrets to disk</source>
        <translation>無法關閉核心傾印（setrlimit RLIMIT_CORE：%1）；TokenDesk 不會在當機時可能將密鑰寫入磁碟的環境中執行</translation>
    </message>
    <message>
        <source>cannot make the process non-dumpable (prctl PR_SET_DUMPABLE: %1); TokenDesk does not run where a crash could write its secrets to disk</source>
        <translation>無法將程序設為不可傾印（prctl PR_SET_DUMPABLE：%1）；TokenDesk 不會在當機時可能將密鑰寫入磁碟的環境中執行</translation>
    </message>
    <message>
        <source>no private key loaded</source>
        <translation>未載入私鑰</translation>
    </message>
    <message>
        <source>RSA signing failed</source>
        <translation>RSA 簽署失敗</translation>
    </message>
    <message>
        <source>RSA keys must have at least %1 bits</source>
        <translation>RSA 金鑰至少必須有 %1 位元</translation>
    </message>
    <message>
        <source>RSA key generation failed</source>
        <translation>RSA 金鑰產生失敗</translation>
    </message>
    <message>
        <source>crypto self-test failed: %1</source>
        <translation>加密自我測試失敗：%1</translation>
    </message>
    <message>
        <source>invalid duration &quot;%1&quot;: empty (use e.g. 90, 10m, 6h, 1h30m, 2d)</source>
        <translation>無效的時間長度 &quot;%1&quot;：空白（請使用例如 90、10m、6h、1h30m、2d）</translation>
    </message>
    <message>
        <source>invalid duration &quot;%1&quot;: expected a number at position %2 (use e.g. 90, 10m, 6h, 1h30m, 2d)</source>
        <translation>無效的時間長度 &quot;%1&quot;：位置 %2 應為數字（請使用例如 90、10m、6h、1h30m、2d）</translation>
    </message>
    <message>
        <source>invalid duration &quot;%1&quot;: number too large (use e.g. 90, 10m, 6h, 1h30m, 2d)</source>
        <translation>無效的時間長度 &quot;%1&quot;：數字太大（請使用例如 90、10m、6h、1h30m、2d）</translation>
    </message>
    <message>
        <source>invalid duration &quot;%1&quot;: missing unit after the last number (use e.g. 90, 10m, 6h, 1h30m, 2d)</source>
        <translation>無效的時間長度 &quot;%1&quot;：最後一個數字後面缺少單位（請使用例如 90、10m、6h、1h30m、2d）</translation>
    </message>
    <message>
        <source>invalid duration &quot;%1&quot;: unknown unit &apos;%2&apos; (use e.g. 90, 10m, 6h, 1h30m, 2d)</source>
        <translation>無效的時間長度 &quot;%1&quot;：未知的單位 &apos;%2&apos;（請使用例如 90、10m、6h、1h30m、2d）</translation>
    </message>
    <message>
        <source>invalid duration &quot;%1&quot;: units must go from larger to smaller (use e.g. 90, 10m, 6h, 1h30m, 2d)</source>
        <translation>無效的時間長度 &quot;%1&quot;：單位必須由大到小排列（請使用例如 90、10m、6h、1h30m、2d）</translation>
    </message>
    <message>
        <source>invalid duration &quot;%1&quot;: must be greater than zero (use e.g. 90, 10m, 6h, 1h30m, 2d)</source>
        <translation>無效的時間長度 &quot;%1&quot;：必須大於零（請使用例如 90、10m、6h、1h30m、2d）</translation>
    </message>
    <message>
        <source>invalid duration &quot;%1&quot;: more than 100 years (use e.g. 90, 10m, 6h, 1h30m, 2d)</source>
        <translation>無效的時間長度 &quot;%1&quot;：超過 100 年（請使用例如 90、10m、6h、1h30m、2d）</translation>
    </message>
    <message>
        <source>history entry without id or provider</source>
        <translation>歷程記錄項目缺少 id 或供應商</translation>
    </message>
    <message>
        <source>no token given</source>
        <translation>未提供權杖</translation>
    </message>
    <message>
        <source>the input is %1 bytes; tokens are at most %2</source>
        <translation>輸入內容有 %1 位元組；權杖最多 %2 位元組</translation>
    </message>
    <message>
        <source>the %1 is not valid JSON (%2 at offset %3)</source>
        <translation>%1 不是有效的 JSON（%2，位於位移 %3）</translation>
    </message>
    <message>
        <source>the %1 is JSON but not an object</source>
        <translation>%1 是 JSON，但不是物件</translation>
    </message>
    <message>
        <source>the %1 segment has &apos;=&apos; padding, which JWS forbids (LiveKit&apos;s Go parser rejects it)</source>
        <translation>%1 區段含有 &apos;=&apos; 填補，這是 JWS 所禁止的（LiveKit 的 Go 剖析器會拒絕）</translation>
    </message>
    <message>
        <source>the %1 segment is not base64url: %2</source>
        <translation>%1 區段不是 base64url：%2</translation>
    </message>
    <message>
        <source>signing produced no signature</source>
        <translation>簽署後未產生簽章</translation>
    </message>
    <message>
        <source>the token is empty</source>
        <translation>權杖是空的</translation>
    </message>
    <message>
        <source>the token is %1 bytes, more than the %2 accepted</source>
        <translation>權杖有 %1 位元組，超過可接受的 %2 位元組</translation>
    </message>
    <message>
        <source>a JWT has 3 segments separated by &apos;.&apos;, this has %1</source>
        <translation>JWT 有 3 個以 &apos;.&apos; 分隔的區段，此權杖有 %1 個</translation>
    </message>
    <message>
        <source>the header has no &quot;alg&quot; string</source>
        <translation>標頭沒有 &quot;alg&quot; 字串</translation>
    </message>
    <message>
        <source>&quot;alg&quot;: &quot;none&quot; means unsigned; unsigned tokens are never accepted</source>
        <translation>&quot;alg&quot;: &quot;none&quot; 表示未簽署；未簽署的權杖一律不接受</translation>
    </message>
    <message>
        <source>algorithm &quot;%1&quot; is not supported (HS256, HS384, HS512, RS256 are)</source>
        <translation>不支援演算法 &quot;%1&quot;（支援的有 HS256、HS384、HS512、RS256）</translation>
    </message>
    <message>
        <source>algorithm %1 is not allowed here (expected %2)</source>
        <translation>此處不允許演算法 %1（應為 %2）</translation>
    </message>
    <message>
        <source>the signature segment is empty</source>
        <translation>簽章區段是空的</translation>
    </message>
    <message>
        <source>the token has no &quot;exp&quot; (expiry) claim</source>
        <translation>權杖沒有 &quot;exp&quot;（到期時間）宣告</translation>
    </message>
    <message>
        <source>&quot;exp&quot; must be a number of seconds</source>
        <translation>&quot;exp&quot; 必須是秒數</translation>
    </message>
    <message>
        <source>the token expired at %1 (now %2, leeway %3 s)</source>
        <translation>權杖已於 %1 過期（現在 %2，寬限期 %3 秒）</translation>
    </message>
    <message>
        <source>&quot;nbf&quot; must be a number of seconds</source>
        <translation>&quot;nbf&quot; 必須是秒數</translation>
    </message>
    <message>
        <source>the token is not valid before %1 (now %2, leeway %3 s)</source>
        <translation>權杖在 %1 之前無效（現在 %2，寬限期 %3 秒）</translation>
    </message>
    <message>
        <source>the token has no &quot;iss&quot; (issuer) claim</source>
        <translation>權杖沒有 &quot;iss&quot;（簽發者）宣告</translation>
    </message>
    <message>
        <source>issuer &quot;%1&quot; is not the expected &quot;%2&quot;</source>
        <translation>簽發者 &quot;%1&quot; 不是預期的 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>the token has no &quot;aud&quot; (audience) claim</source>
        <translation>權杖沒有 &quot;aud&quot;（受眾）宣告</translation>
    </message>
    <message>
        <source>audience is not the expected &quot;%1&quot;</source>
        <translation>受眾不是預期的 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 needs an RSA key, not a shared secret</source>
        <translation>%1 需要 RSA 金鑰，而不是共用密鑰</translation>
    </message>
    <message>
        <source>a PEM key was given as an HMAC secret: using a public key as an %1 secret is the algorithm-confusion attack; pass it as a public or private key instead</source>
        <translation>提供了 PEM 金鑰作為 HMAC 密鑰：將公鑰當作 %1 密鑰使用正是演算法混淆攻擊；請改以公鑰或私鑰的形式提供</translation>
    </message>
    <message>
        <source>a public key can verify tokens but not sign them</source>
        <translation>公鑰可以驗證權杖，但無法簽署權杖</translation>
    </message>
    <message>
        <source>the token claims %1 (shared secret) but the key is an RSA key: refusing, this is the algorithm-confusion attack</source>
        <translation>權杖宣稱使用 %1（共用密鑰），但金鑰是 RSA 金鑰：已拒絕，這是演算法混淆攻擊</translation>
    </message>
    <message>
        <source>the %1 signature does not match: wrong secret or the token was modified</source>
        <translation>%1 簽章不符：密鑰錯誤，或權杖已遭修改</translation>
    </message>
    <message>
        <source>the token is signed with RS256 but a shared secret was given: verify it with the RSA public key</source>
        <translation>權杖以 RS256 簽署，但提供的是共用密鑰：請以 RSA 公鑰驗證</translation>
    </message>
    <message>
        <source>the RS256 signature does not match: wrong public key or the token was modified</source>
        <translation>RS256 簽章不符：公鑰錯誤，或權杖已遭修改</translation>
    </message>
    <message>
        <source>a mint plan needs provider livekit, zego, jaas or jitsi</source>
        <translation>簽發計畫的供應商必須是 livekit、zego、jaas 或 jitsi</translation>
    </message>
    <message>
        <source>profile %1 is for %2, not %3</source>
        <translation>設定檔 %1 適用於 %2，而不是 %3</translation>
    </message>
    <message>
        <source>the profile has no private key</source>
        <translation>設定檔沒有私鑰</translation>
    </message>
    <message>
        <source>the profile&apos;s AppID must be a non-zero 32-bit number</source>
        <translation>設定檔的 AppID 必須是非零的 32 位元數字</translation>
    </message>
    <message>
        <source>the TTL must be positive</source>
        <translation>TTL 必須是正數</translation>
    </message>
    <message>
        <source>profile %1 is not a LiveKit profile</source>
        <translation>設定檔 %1 不是 LiveKit 設定檔</translation>
    </message>
    <message>
        <source>cipher must be gcm or cbc, not &quot;%1&quot;</source>
        <translation>cipher 必須是 gcm 或 cbc，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the room name holds an unpaired UTF-16 surrogate, which Jitsi Meet cannot encode</source>
        <translation>房間名稱含有未成對的 UTF-16 代理字元，Jitsi Meet 無法將其編碼</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Jitsi Meet address such as https://meet.example.org</source>
        <translation>&quot;%1&quot; 不是 Jitsi Meet 位址（例如 https://meet.example.org）</translation>
    </message>
    <message>
        <source>a room is required (--room NAME, or --room &apos;*&apos; for any room): Prosody refuses tokens without one</source>
        <translation>必須指定房間 (--room NAME, or --room &apos;*&apos; for any room)：Prosody 會拒絕沒有房間的權杖</translation>
    </message>
    <message>
        <source>affiliation must be owner, member, moderator or teacher, not &quot;%1&quot;</source>
        <translation>affiliation 必須是 owner、member、moderator 或 teacher，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown feature &quot;%1&quot;</source>
        <translation>未知的功能 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>feature &quot;%1&quot;: value must be true or false, not &quot;%2&quot;</source>
        <translation>功能 &quot;%1&quot;：值必須是 true 或 false，而不是 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>unknown feature &quot;%1&quot;%2; known features: %3</source>
        <translation>未知的功能 &quot;%1&quot;%2；已知的功能：%3</translation>
    </message>
    <message>
        <source>the JaaS AppID must look like vpaas-magic-cookie-&lt;32 hex digits&gt; (JaaS console, API keys page)</source>
        <translation>JaaS AppID 必須形如 vpaas-magic-cookie-&lt;32 位十六進位數字&gt;（見 JaaS 主控台的 API keys 頁面）</translation>
    </message>
    <message>
        <source>the JaaS key id is missing (--key-id AppID/kid)</source>
        <translation>缺少 JaaS 金鑰 ID (--key-id AppID/kid)</translation>
    </message>
    <message>
        <source>the key id &quot;%1&quot; belongs to another AppID: its part before &apos;/&apos; must equal the AppID (8x8 reports kidMismatch)</source>
        <translation>金鑰 ID &quot;%1&quot; 屬於另一個 AppID：其 &apos;/&apos; 之前的部分必須與 AppID 相同（8x8 會回報 kidMismatch）</translation>
    </message>
    <message>
        <source>a JaaS token needs the tenant&apos;s RSA private key</source>
        <translation>JaaS 權杖需要租用戶的 RSA 私鑰</translation>
    </message>
    <message>
        <source>the Jitsi app_id is missing (--app-id or JITSI_APP_ID)</source>
        <translation>缺少 Jitsi app_id (--app-id or JITSI_APP_ID)</translation>
    </message>
    <message>
        <source>the audience must not be empty: Prosody requires aud</source>
        <translation>受眾不得為空：Prosody 需要 aud</translation>
    </message>
    <message>
        <source>RS256 (ASAP) needs a key id (--key-id): Prosody fetches the public key by it</source>
        <translation>RS256（ASAP）需要金鑰 ID (--key-id)：Prosody 會依此取得公鑰</translation>
    </message>
    <message>
        <source>give the app secret (--app-secret / JITSI_APP_SECRET) or a private key and key id</source>
        <translation>請提供 App 密鑰 (--app-secret / JITSI_APP_SECRET)，或私鑰與金鑰 ID</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必須是 true 或 false</translation>
    </message>
    <message>
        <source>context.user.moderator must be true or false</source>
        <translation>context.user.moderator 必須是 true 或 false</translation>
    </message>
    <message>
        <source>context.user.hidden-from-recorder must be true or false</source>
        <translation>context.user.hidden-from-recorder 必須是 true 或 false</translation>
    </message>
    <message>
        <source>context.features.%1 must be true or false</source>
        <translation>context.features.%1 必須是 true 或 false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false, not %2 (LiveKit rejects the whole token)</source>
        <translation>&quot;%1&quot; 必須是 true 或 false，而不是 %2（LiveKit 會拒絕整個權杖）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string, not %2</source>
        <translation>&quot;%1&quot; 必須是字串，而不是 %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an array of strings, not %2</source>
        <translation>&quot;%1&quot; 必須是字串陣列，而不是 %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must contain only strings</source>
        <translation>&quot;%1&quot; 只能包含字串</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a LiveKit video grant key; LiveKit ignores it</source>
        <translation>&quot;%1&quot; 不是 LiveKit video 授權的鍵；LiveKit 會忽略它</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a LiveKit video grant key; LiveKit ignores it (did you mean &quot;%2&quot;?)</source>
        <translation>&quot;%1&quot; 不是 LiveKit video 授權的鍵；LiveKit 會忽略它（您是指 &quot;%2&quot; 嗎？）</translation>
    </message>
    <message>
        <source>%1 has no field &quot;%2&quot;</source>
        <translation>%1 沒有欄位 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 has no field &quot;%2&quot; (did you mean &quot;%3&quot;?)</source>
        <translation>%1 沒有欄位 &quot;%2&quot;（您是指 &quot;%3&quot; 嗎？）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a publish source; use %2</source>
        <translation>&quot;%1&quot; 不是發布媒體來源；請使用 %2</translation>
    </message>
    <message>
        <source>roomConfig.%1 must be a whole number from 0 to 4294967295</source>
        <translation>roomConfig.%1 必須是 0 到 4294967295 之間的整數</translation>
    </message>
    <message>
        <source>roomConfig.%1 must be a string</source>
        <translation>roomConfig.%1 必須是字串</translation>
    </message>
    <message>
        <source>roomConfig.syncStreams must be true or false</source>
        <translation>roomConfig.syncStreams 必須是 true 或 false</translation>
    </message>
    <message>
        <source>roomConfig.agents must be an array</source>
        <translation>roomConfig.agents 必須是陣列</translation>
    </message>
    <message>
        <source>each roomConfig.agents entry must be an object</source>
        <translation>roomConfig.agents 的每個項目都必須是物件</translation>
    </message>
    <message>
        <source>roomConfig.agents[].agentName must be a string</source>
        <translation>roomConfig.agents[].agentName 必須是字串</translation>
    </message>
    <message>
        <source>roomConfig.egress contains storage credentials; a token is readable by its holder, so LiveKit&apos;s SDK refuses to put secrets in it</source>
        <translation>roomConfig.egress 含有儲存空間的憑證；權杖的持有者可以讀取其內容，因此 LiveKit 的 SDK 拒絕將密鑰放入權杖</translation>
    </message>
    <message>
        <source>the extra claim &quot;%1&quot; would replace the token&apos;s own &quot;%2&quot; (LiveKit reads claim names in any case): set it with its own option instead</source>
        <translation>額外宣告 &quot;%1&quot; 會取代權杖本身的 &quot;%2&quot;（LiveKit 讀取宣告名稱時不分大小寫）：請改用其專屬選項設定</translation>
    </message>
    <message>
        <source>unknown preset &quot;%1&quot;; known presets: %2</source>
        <translation>未知的預設組合 &quot;%1&quot;；已知的預設組合：%2</translation>
    </message>
    <message>
        <source>the LiveKit API key is missing (--api-key or LIVEKIT_API_KEY)</source>
        <translation>缺少 LiveKit API 金鑰 (--api-key or LIVEKIT_API_KEY)</translation>
    </message>
    <message>
        <source>the LiveKit API secret is missing (--api-secret or LIVEKIT_API_SECRET)</source>
        <translation>缺少 LiveKit API 密鑰 (--api-secret or LIVEKIT_API_SECRET)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a participant kind; use %2</source>
        <translation>&quot;%1&quot; 不是參與者類型；請使用 %2</translation>
    </message>
    <message>
        <source>LiveKit tokens never carry &quot;aud&quot;: the Python verifier rejects any token with one</source>
        <translation>LiveKit 權杖從不含 &quot;aud&quot;：Python 驗證器會拒絕任何含有 aud 的權杖</translation>
    </message>
    <message>
        <source>the user ID and room ID of a Kit Token must be Latin-1: the UIKit&apos;s btoa() cannot encode &apos;%1&apos;</source>
        <translation>Kit Token 的使用者 ID 與房間 ID 必須是 Latin-1：UIKit 的 btoa() 無法編碼 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a Kit Token has a &apos;#&apos; between the Token04 and the room data</source>
        <translation>Kit Token 的 Token04 與房間資料之間應有一個 &apos;#&apos;</translation>
    </message>
    <message>
        <source>the part after &apos;#&apos; is not base64: %1</source>
        <translation>&apos;#&apos; 之後的部分不是 base64：%1</translation>
    </message>
    <message>
        <source>the part after &apos;#&apos; is not a JSON object</source>
        <translation>&apos;#&apos; 之後的部分不是 JSON 物件</translation>
    </message>
    <message>
        <source>the Kit Token&apos;s appID is not a 32-bit number</source>
        <translation>Kit Token 的 appID 不是 32 位元數字</translation>
    </message>
    <message>
        <source>the injected IV has the wrong length</source>
        <translation>注入的 IV 長度錯誤</translation>
    </message>
    <message>
        <source>the payload is too large for a Token04 (64 KiB)</source>
        <translation>payload 太大，無法放入 Token04（上限 64 KiB）</translation>
    </message>
    <message>
        <source>a Token04 starts with &quot;04&quot;</source>
        <translation>Token04 以 &quot;04&quot; 開頭</translation>
    </message>
    <message>
        <source>this is a Kit Token (Token04 + &apos;#&apos; + room data), not a bare Token04</source>
        <translation>這是 Kit Token（Token04 + &apos;#&apos; + 房間資料），不是單純的 Token04</translation>
    </message>
    <message>
        <source>the token is too large to be a Token04</source>
        <translation>權杖太大，不可能是 Token04</translation>
    </message>
    <message>
        <source>Token04 uses standard base64 (&apos;+&apos;, &apos;/&apos;), but this has URL-safe characters</source>
        <translation>Token04 使用標準 base64（&apos;+&apos;、&apos;/&apos;），但此權杖含有 URL 安全字元</translation>
    </message>
    <message>
        <source>the Token04 body is not base64: %1</source>
        <translation>Token04 主體不是 base64：%1</translation>
    </message>
    <message>
        <source>the Token04 is truncated: %1 runs past its %2 bytes</source>
        <translation>Token04 已被截斷：%1 超出了其 %2 位元組</translation>
    </message>
    <message>
        <source>CBC layout needs a 16-byte IV, this has %1</source>
        <translation>CBC 格式需要 16 位元組的 IV，此權杖的是 %1 位元組</translation>
    </message>
    <message>
        <source>CBC ciphertext length %1 is not a positive multiple of 16</source>
        <translation>CBC 密文長度 %1 不是 16 的正整數倍</translation>
    </message>
    <message>
        <source>GCM layout needs a 12-byte nonce, this has %1</source>
        <translation>GCM 格式需要 12 位元組的 nonce，此權杖的是 %1 位元組</translation>
    </message>
    <message>
        <source>GCM ciphertext is shorter than its 16-byte tag</source>
        <translation>GCM 密文比其 16 位元組的標籤還短</translation>
    </message>
    <message>
        <source>%1 unexpected byte(s) after the ciphertext (neither the CBC nor the GCM layout)</source>
        <translation>密文之後有 %1 個非預期的位元組（既不是 CBC 也不是 GCM 格式）</translation>
    </message>
    <message>
        <source>the ServerSecret must be 32 characters, this has %1</source>
        <translation>ServerSecret 必須是 32 個字元，此值有 %1 個</translation>
    </message>
    <message>
        <source>cannot decrypt with this ServerSecret: %1</source>
        <translation>無法以此 ServerSecret 解密：%1</translation>
    </message>
    <message>
        <source>the decrypted plaintext is not a JSON object</source>
        <translation>解密後的明文不是 JSON 物件</translation>
    </message>
    <message>
        <source>the plaintext lacks numeric app_id, nonce, ctime, expire or string user_id</source>
        <translation>明文缺少數值型的 app_id、nonce、ctime、expire，或字串型的 user_id</translation>
    </message>
    <message>
        <source>the plaintext&apos;s payload must be a string</source>
        <translation>明文中的 payload 必須是字串</translation>
    </message>
    <message>
        <source>the payload is not a JSON object</source>
        <translation>payload 不是 JSON 物件</translation>
    </message>
    <message>
        <source>the payload has neither room_id nor privilege</source>
        <translation>payload 既沒有 room_id 也沒有 privilege</translation>
    </message>
    <message>
        <source>room_id must be a string</source>
        <translation>room_id 必須是字串</translation>
    </message>
    <message>
        <source>privilege &quot;%1&quot; must be 0 or 1</source>
        <translation>privilege &quot;%1&quot; 必須是 0 或 1</translation>
    </message>
    <message>
        <source>stream_id_list must contain strings</source>
        <translation>stream_id_list 只能包含字串</translation>
    </message>
    <message>
        <source>stream_id_list must be an array or null</source>
        <translation>stream_id_list 必須是陣列或 null</translation>
    </message>
    <message>
        <source>the body must be a JSON object (%1)</source>
        <translation>請求主體必須是 JSON 物件（%1）</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;</source>
        <translation>未知的欄位 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation>&quot;%1&quot; 必須是字串</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is given twice</source>
        <translation>&quot;%1&quot; 重複提供了兩次</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a JSON object</source>
        <translation>&quot;%1&quot; 必須是 JSON 物件</translation>
    </message>
    <message>
        <source>profile %1 has no stored secret</source>
        <translation>設定檔 %1 沒有已儲存的密鑰</translation>
    </message>
    <message>
        <source>must be a regular expression string</source>
        <translation>必須是正規表示式字串</translation>
    </message>
    <message>
        <source>invalid regular expression: %1</source>
        <translation>無效的正規表示式：%1</translation>
    </message>
    <message>
        <source>unknown policy field</source>
        <translation>未知的政策欄位</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a request field of %2</source>
        <translation>&quot;%1&quot; 不是 %2 的請求欄位</translation>
    </message>
    <message>
        <source>a duration such as 10m or 1h, or seconds</source>
        <translation>時間長度（例如 10m 或 1h）或秒數</translation>
    </message>
    <message>
        <source>a known feature set to true or false</source>
        <translation>已知的功能，且設為 true 或 false</translation>
    </message>
    <message>
        <source>a list of agent names</source>
        <translation>代理程式名稱清單</translation>
    </message>
    <message>
        <source>a %1 profile cannot serve a %2 endpoint</source>
        <translation>%1 設定檔無法用於 %2 端點</translation>
    </message>
    <message>
        <source>the ZEGOCLOUD AppID is not a non-zero 32-bit number</source>
        <translation>ZEGOCLOUD AppID 不是非零的 32 位元數字</translation>
    </message>
    <message>
        <source>the ZEGOCLOUD ServerSecret is not a 32-character secret</source>
        <translation>ZEGOCLOUD ServerSecret 不是 32 個字元的密鑰</translation>
    </message>
    <message>
        <source>%1 is not set</source>
        <translation>%1 未設定</translation>
    </message>
    <message>
        <source>the config is not a JSON object (%1 at offset %2)</source>
        <translation>組態不是 JSON 物件（%1，位於位移 %2）</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>未知的欄位</translation>
    </message>
    <message>
        <source>an IP address such as 127.0.0.1</source>
        <translation>IP 位址，例如 127.0.0.1</translation>
    </message>
    <message>
        <source>0 to 65535</source>
        <translation>0 到 65535</translation>
    </message>
    <message>
        <source>wildcards are not allowed; list each origin</source>
        <translation>不允許使用萬用字元；請逐一列出每個來源</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an origin like http://localhost:3000</source>
        <translation>&quot;%1&quot; 不是來源（例如 http://localhost:3000）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name like tokens.lan (no scheme, port or wildcard)</source>
        <translation>&quot;%1&quot; 不是主機名稱（例如 tokens.lan；不含通訊協定、連接埠或萬用字元）</translation>
    </message>
    <message>
        <source>name the variable holding the key</source>
        <translation>請指定存放金鑰的變數名稱</translation>
    </message>
    <message>
        <source>%1 must hold a key of at least 16 characters</source>
        <translation>%1 必須存放至少 16 個字元的金鑰</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 到 %2</translation>
    </message>
    <message>
        <source>list at least one endpoint</source>
        <translation>請至少列出一個端點</translation>
    </message>
    <message>
        <source>a path such as /getToken</source>
        <translation>路徑，例如 /getToken</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 重複列出了兩次</translation>
    </message>
    <message>
        <source>give either &quot;profile&quot;: NAME or &quot;credentials&quot;: &quot;env&quot;</source>
        <translation>請提供 &quot;profile&quot;: NAME 或 &quot;credentials&quot;: &quot;env&quot; 其中之一</translation>
    </message>
    <message>
        <source>binding to %1 exposes the server beyond this machine: pass --allow-remote (or &quot;allowRemote&quot;: true) to mean it</source>
        <translation>繫結到 %1 會讓此電腦以外的機器也能連上伺服器：若確定要這麼做，請加上 --allow-remote（或 &quot;allowRemote&quot;: true）</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>無法在 %1:%2 上監聽：%3</translation>
    </message>
    <message>
        <source>joining a room (roomJoin) needs an identity: the server refuses to connect without one (400 &quot;identity cannot be empty&quot;)</source>
        <translation>加入房間（roomJoin）需要身分：伺服器會拒絕沒有身分的連線（400 &quot;identity cannot be empty&quot;）</translation>
    </message>
    <message>
        <source>joining a room (roomJoin) needs a room name (--room)</source>
        <translation>加入房間（roomJoin）需要房間名稱 (--room)</translation>
    </message>
    <message>
        <source>the AppID must be a non-zero 32-bit number (ZEGOCLOUD error 1, appID invalid)</source>
        <translation>AppID 必須是非零的 32 位元數字 (ZEGOCLOUD error 1, appID invalid)</translation>
    </message>
    <message>
        <source>the user ID must be 1 to %1 characters (ZEGOCLOUD error 3, userID invalid)</source>
        <translation>使用者 ID 必須是 1 到 %1 個字元 (ZEGOCLOUD error 3, userID invalid)</translation>
    </message>
    <message>
        <source>the ServerSecret must be a 32 byte string, this one has %1 characters (ZEGOCLOUD error 5, secret invalid)</source>
        <translation>ServerSecret 必須是 32 位元組的字串，此值有 %1 個字元 (ZEGOCLOUD error 5, secret invalid)</translation>
    </message>
    <message>
        <source>the TTL must be positive (ZEGOCLOUD error 6, effectiveTimeInSeconds invalid)</source>
        <translation>TTL 必須為正數 (ZEGOCLOUD error 6, effectiveTimeInSeconds invalid)</translation>
    </message>
    <message>
        <source>the Zego AppID must be a non-zero 32-bit number</source>
        <translation>Zego AppID 必須是非零的 32 位元數字</translation>
    </message>
    <message>
        <source>%1 takes no request body</source>
        <translation>%1 不接受請求本文</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>%1 其中之一</translation>
    </message>
    <message>
        <source>identity: empty (the Stream user ID)</source>
        <translation>identity：空白（Stream 使用者 ID）</translation>
    </message>
    <message>
        <source>the user ID is missing (--user-id): Stream ties every token to a user</source>
        <translation>缺少使用者 ID（--user-id）：Stream 的每個權杖都綁定一位使用者</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a call cid: write type:id, such as default:standup</source>
        <translation>&quot;%1&quot; 不是通話 cid：請寫成 type:id，例如 default:standup</translation>
    </message>
    <message>
        <source>the Stream API secret is missing (--api-secret or STREAM_API_SECRET)</source>
        <translation>缺少 Stream API 密鑰（--api-secret 或 STREAM_API_SECRET）</translation>
    </message>
    <message>
        <source>a list of role names</source>
        <translation>角色名稱的清單</translation>
    </message>
    <message>
        <source>the Stream form has no field for &quot;%1&quot;</source>
        <translation>Stream 表單沒有 &quot;%1&quot; 的欄位</translation>
    </message>
    <message>
        <source>the Agora token&apos;s compressed part is damaged or too large</source>
        <translation>Agora 權杖的壓縮部分已損壞或過大</translation>
    </message>
    <message>
        <source>the channel name is missing (--channel)</source>
        <translation>缺少頻道名稱（--channel）</translation>
    </message>
    <message>
        <source>the channel name is %1 bytes: Agora allows fewer than 64</source>
        <translation>頻道名稱為 %1 位元組：Agora 只允許少於 64 位元組</translation>
    </message>
    <message>
        <source>the channel name &quot;%1&quot; has a character Agora does not allow (letters, digits, space and !#$%&amp;()+-:;&lt;=.&gt;?@[]^_{}|~, only)</source>
        <translation>頻道名稱 &quot;%1&quot; 含有 Agora 不允許的字元（只允許字母、數字、空格及 !#$%&amp;()+-:;&lt;=.&gt;?@[]^_{}|~,）</translation>
    </message>
    <message>
        <source>the app ID is not 32 hex characters (the SDK builds nothing)</source>
        <translation>App ID 不是 32 個十六進位字元（SDK 不會產生任何權杖）</translation>
    </message>
    <message>
        <source>the app certificate is not 32 hex characters (the SDK builds nothing)</source>
        <translation>App 憑證不是 32 個十六進位字元（SDK 不會產生任何權杖）</translation>
    </message>
    <message>
        <source>an Agora token needs a service</source>
        <translation>Agora 權杖至少需要一項服務</translation>
    </message>
    <message>
        <source>not an Agora AccessToken2: it starts with &quot;007&quot;</source>
        <translation>不是 Agora AccessToken2：它應以 &quot;007&quot; 開頭</translation>
    </message>
    <message>
        <source>the Agora token after &quot;007&quot; is not base64</source>
        <translation>Agora 權杖在 &quot;007&quot; 之後的部分不是 base64</translation>
    </message>
    <message>
        <source>the Agora token ends inside a field: it was cut or damaged</source>
        <translation>Agora 權杖在欄位中途結束：已被截斷或損壞</translation>
    </message>
    <message>
        <source>not an Agora AccessToken: &quot;006&quot; and a 32-character app ID</source>
        <translation>不是 Agora AccessToken：應為 &quot;006&quot; 加上 32 個字元的 App ID</translation>
    </message>
    <message>
        <source>the Agora token after the app ID is not base64</source>
        <translation>Agora 權杖在 App ID 之後的部分不是 base64</translation>
    </message>
    <message>
        <source>identity: empty (the user ID)</source>
        <translation>identity：空白（使用者 ID）</translation>
    </message>
    <message>
        <source>the room ID is missing (--room-id): an auth token joins one room</source>
        <translation>缺少房間 ID（--room-id）：驗證權杖只能加入一個房間</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a 100ms room ID (the 24-character ID the dashboard shows, not the room&apos;s name)</source>
        <translation>&quot;%1&quot; 不是 100ms 房間 ID（應為主控台顯示的 24 字元 ID，而非房間名稱）</translation>
    </message>
    <message>
        <source>the role is missing (--role): a role of the room&apos;s template, such as host or guest</source>
        <translation>缺少角色（--role）：房間範本中的角色，例如 host 或 guest</translation>
    </message>
    <message>
        <source>the user ID is missing (--user-id)</source>
        <translation>缺少使用者 ID（--user-id）</translation>
    </message>
    <message>
        <source>the 100ms access key is missing (--access-key or HMS_ACCESS_KEY)</source>
        <translation>缺少 100ms 存取金鑰（--access-key 或 HMS_ACCESS_KEY）</translation>
    </message>
    <message>
        <source>the 100ms app secret is missing (--secret or HMS_SECRET)</source>
        <translation>缺少 100ms 應用程式密鑰（--secret 或 HMS_SECRET）</translation>
    </message>
    <message>
        <source>identity: empty</source>
        <translation>identity：空白</translation>
    </message>
    <message>
        <source>the identity is missing (--identity): Twilio refuses Video, Chat and Voice tokens without one</source>
        <translation>缺少身分（--identity）：沒有身分的 Video、Chat 與 Voice 權杖會被 Twilio 拒絕</translation>
    </message>
    <message>
        <source>the identity is longer than Twilio&apos;s 256 characters</source>
        <translation>身分超過 Twilio 的 256 個字元上限</translation>
    </message>
    <message>
        <source>the room name is longer than Twilio&apos;s 128 characters</source>
        <translation>房間名稱超過 Twilio 的 128 個字元上限</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Twilio SID: %2 and 32 lowercase hex digits</source>
        <translation>&quot;%1&quot; 不是 Twilio SID：應為 %2 加上 32 個小寫十六進位數字</translation>
    </message>
    <message>
        <source>the Twilio account SID is missing (--account-sid or TWILIO_ACCOUNT_SID)</source>
        <translation>缺少 Twilio 帳戶 SID（--account-sid 或 TWILIO_ACCOUNT_SID）</translation>
    </message>
    <message>
        <source>the account SID &quot;%1&quot; is not AC and 32 lowercase hex digits</source>
        <translation>帳戶 SID &quot;%1&quot; 不是 AC 加上 32 個小寫十六進位數字</translation>
    </message>
    <message>
        <source>the Twilio API key SID is missing (--api-key or TWILIO_API_KEY)</source>
        <translation>缺少 Twilio API 金鑰 SID（--api-key 或 TWILIO_API_KEY）</translation>
    </message>
    <message>
        <source>the API key &quot;%1&quot; is not SK and 32 lowercase hex digits (the key&apos;s SID, not its secret)</source>
        <translation>API 金鑰 &quot;%1&quot; 不是 SK 加上 32 個小寫十六進位數字（應填金鑰的 SID，而非其密鑰）</translation>
    </message>
    <message>
        <source>the Twilio API secret is missing (--api-secret or TWILIO_API_SECRET)</source>
        <translation>缺少 Twilio API 密鑰（--api-secret 或 TWILIO_API_SECRET）</translation>
    </message>
    <message>
        <source>the TTL is over Twilio&apos;s 24 hours: Twilio refuses the token</source>
        <translation>TTL 超過 Twilio 的 24 小時：Twilio 會拒絕此權杖</translation>
    </message>
    <message>
        <source>the 100ms form has no field for &quot;%1&quot;</source>
        <translation>100ms 表單沒有 &quot;%1&quot; 欄位</translation>
    </message>
    <message>
        <source>the Twilio form has no field for &quot;%1&quot;</source>
        <translation>Twilio 表單沒有 &quot;%1&quot; 欄位</translation>
    </message>
    <message>
        <source>not a token TokenDesk knows: a JWT has three &apos;.&apos;-separated parts (LiveKit, Jitsi, Stream, Twilio, 100ms), a ZEGOCLOUD Token04 starts with &quot;04&quot;, an Agora token with &quot;007&quot; or &quot;006&quot;</source>
        <translation>不是 TokenDesk 認得的權杖：JWT 由三個以「.」分隔的部分組成（LiveKit、Jitsi、Stream、Twilio、100ms），ZEGOCLOUD Token04 以 &quot;04&quot; 開頭，Agora 權杖以 &quot;007&quot; 或 &quot;006&quot; 開頭</translation>
    </message>
    <message>
        <source>a user account is %1 bytes: Agora allows 255</source>
        <translation>使用者帳號為 %1 位元組：Agora 最多允許 255</translation>
    </message>
    <message>
        <source>the TTL must be from 1 second to Agora&apos;s 24 hours</source>
        <translation>TTL 必須介於 1 秒到 Agora 的 24 小時之間</translation>
    </message>
    <message>
        <source>the privilege TTL must be from 0 to Agora&apos;s 24 hours</source>
        <translation>權限 TTL 必須介於 0 到 Agora 的 24 小時之間</translation>
    </message>
    <message>
        <source>the Agora app ID is missing (--app-id or AGORA_APP_ID)</source>
        <translation>缺少 Agora App ID（--app-id 或 AGORA_APP_ID）</translation>
    </message>
    <message>
        <source>the Agora app certificate is missing (--app-certificate or AGORA_APP_CERTIFICATE)</source>
        <translation>缺少 Agora App 憑證（--app-certificate 或 AGORA_APP_CERTIFICATE）</translation>
    </message>
    <message>
        <source>identity: empty (the uid, or 0 for any user, or an account)</source>
        <translation>identity：空白（應為 uid、代表任何使用者的 0，或帳號）</translation>
    </message>
    <message>
        <source>preset: &quot;%1&quot; is not publisher or subscriber</source>
        <translation>preset：&quot;%1&quot; 不是 publisher 或 subscriber</translation>
    </message>
    <message>
        <source>the Agora form has no field for &quot;%1&quot;</source>
        <translation>Agora 表單沒有 &quot;%1&quot; 欄位</translation>
    </message>
    <message>
        <source>%1 is neither a PEM key nor a readable key file</source>
        <translation>%1 既不是 PEM 金鑰，也不是可讀取的金鑰檔</translation>
    </message>
    <message>
        <source>no credentials found: expected the variables of a provider (%1)</source>
        <translation>找不到憑證：應為某個服務商的變數（%1）</translation>
    </message>
    <message>
        <source>give the user: a uid, 0 for any user (--uid), or an account (--account)</source>
        <translation>請指定使用者：uid，0 代表任何使用者（--uid），或帳號（--account）</translation>
    </message>
    <message>
        <source>the session ID is missing (--session-id): a token connects to one session</source>
        <translation>缺少工作階段 ID（--session-id）：權杖只能連線到一個工作階段</translation>
    </message>
    <message>
        <source>the session ID is too long</source>
        <translation>工作階段 ID 過長</translation>
    </message>
    <message>
        <source>the role &quot;%1&quot; is not publisher, subscriber, moderator or publisheronly</source>
        <translation>角色 &quot;%1&quot; 不是 publisher、subscriber、moderator 或 publisheronly</translation>
    </message>
    <message>
        <source>the connection data is %1 characters: the SDKs allow 1024</source>
        <translation>連線資料為 %1 個字元：SDK 最多允許 1024</translation>
    </message>
    <message>
        <source>the layout classes are %1 characters: the SDKs allow 1024</source>
        <translation>版面配置類別為 %1 個字元：SDK 最多允許 1024</translation>
    </message>
    <message>
        <source>the Vonage application ID is missing (--application-id or VONAGE_APPLICATION_ID)</source>
        <translation>缺少 Vonage 應用程式 ID（--application-id 或 VONAGE_APPLICATION_ID）</translation>
    </message>
    <message>
        <source>the Vonage application&apos;s private key is missing (--private-key or VONAGE_PRIVATE_KEY)</source>
        <translation>缺少 Vonage 應用程式的私鑰（--private-key 或 VONAGE_PRIVATE_KEY）</translation>
    </message>
    <message>
        <source>the TTL must be from 1 second to 30 days</source>
        <translation>TTL 必須介於 1 秒到 30 天之間</translation>
    </message>
    <message>
        <source>the OpenTok API key is missing (--api-key or OPENTOK_API_KEY)</source>
        <translation>缺少 OpenTok API 金鑰（--api-key 或 OPENTOK_API_KEY）</translation>
    </message>
    <message>
        <source>the OpenTok API secret is missing (--api-secret or OPENTOK_API_SECRET)</source>
        <translation>缺少 OpenTok API 密鑰（--api-secret 或 OPENTOK_API_SECRET）</translation>
    </message>
    <message>
        <source>the session ID belongs to API key &quot;%1&quot;, not %2: OpenTok refuses tokens for another project&apos;s session</source>
        <translation>工作階段 ID 屬於 API 金鑰 &quot;%1&quot;，而非 %2：OpenTok 會拒絕其他專案工作階段的權杖</translation>
    </message>
    <message>
        <source>not an OpenTok T1 token: it starts with &quot;T1==&quot;</source>
        <translation>不是 OpenTok T1 權杖：它應以 &quot;T1==&quot; 開頭</translation>
    </message>
    <message>
        <source>the OpenTok token after &quot;T1==&quot; is not base64</source>
        <translation>OpenTok 權杖在 &quot;T1==&quot; 之後的部分不是 base64</translation>
    </message>
    <message>
        <source>the OpenTok token does not read partner_id=…&amp;sig=…:data</source>
        <translation>OpenTok 權杖不是 partner_id=…&amp;sig=…:data 的格式</translation>
    </message>
    <message>
        <source>the session form has no field for &quot;%1&quot;</source>
        <translation>工作階段表單沒有 &quot;%1&quot; 欄位</translation>
    </message>
</context>
<context>
    <name>td::Finding</name>
    <message>
        <source>the RSA private key is missing</source>
        <translation>缺少 RSA 私鑰</translation>
    </message>
    <message>
        <source>a profile name is 1-64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation>設定檔名稱須為 1 到 64 個字母、數字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos;，並以字母或數字開頭</translation>
    </message>
    <message>
        <source>environment must be dev, staging or prod</source>
        <translation>環境必須是 dev、staging 或 prod</translation>
    </message>
    <message>
        <source>%1 holds a control character (a line break?)</source>
        <translation>%1 含有控制字元（換行字元？）</translation>
    </message>
    <message>
        <source>a default or the note holds a control character (a line break?)</source>
        <translation>某個預設值或備註含有控制字元（換行字元？）</translation>
    </message>
    <message>
        <source>the LiveKit API key is missing</source>
        <translation>缺少 LiveKit API 金鑰</translation>
    </message>
    <message>
        <source>the LiveKit API secret is missing</source>
        <translation>缺少 LiveKit API 密鑰</translation>
    </message>
    <message>
        <source>the API secret has %1 characters; LiveKit accepts it (the dev server uses &quot;secret&quot;), but production secrets should have at least 32</source>
        <translation>API 密鑰只有 %1 個字元；LiveKit 會接受（開發伺服器使用 &quot;secret&quot;），但正式環境的密鑰應至少有 32 個字元</translation>
    </message>
    <message>
        <source>the LiveKit URL should look like wss://project.livekit.cloud</source>
        <translation>LiveKit URL 應形如 wss://project.livekit.cloud</translation>
    </message>
    <message>
        <source>the ZEGOCLOUD AppID must be a non-zero 32-bit number</source>
        <translation>ZEGOCLOUD AppID 必須是非零的 32 位元數字</translation>
    </message>
    <message>
        <source>the ServerSecret must be exactly 32 characters, this has %1</source>
        <translation>ServerSecret 必須剛好是 32 個字元，此值有 %1 個</translation>
    </message>
    <message>
        <source>the cipher is gcm or cbc</source>
        <translation>加密方式必須是 gcm 或 cbc</translation>
    </message>
    <message>
        <source>the JaaS key id is missing (AppID/kid)</source>
        <translation>缺少 JaaS 金鑰 ID（AppID/kid）</translation>
    </message>
    <message>
        <source>the key id must start with the AppID followed by &apos;/&apos;</source>
        <translation>金鑰 ID 必須以 AppID 加上 &apos;/&apos; 開頭</translation>
    </message>
    <message>
        <source>the Jitsi app_id is missing</source>
        <translation>缺少 Jitsi app_id</translation>
    </message>
    <message>
        <source>give the app_secret (HS256) or a private key (RS256)</source>
        <translation>請提供 app_secret（HS256）或私鑰（RS256）</translation>
    </message>
    <message>
        <source>RS256 needs a key id: Prosody fetches the key by it</source>
        <translation>RS256 需要金鑰 ID：Prosody 會依此取得金鑰</translation>
    </message>
    <message>
        <source>unknown provider</source>
        <translation>未知的供應商</translation>
    </message>
    <message>
        <source>no exp: the token never expires; LiveKit servers after protocol v1.50.4 refuse it</source>
        <translation>沒有 exp：權杖永不過期；protocol v1.50.4 之後的 LiveKit 伺服器會拒絕它</translation>
    </message>
    <message>
        <source>exp must be a number of seconds</source>
        <translation>exp 必須是秒數</translation>
    </message>
    <message>
        <source>expired %1 (verifier leeway %2 s)</source>
        <translation>已過期（%1；驗證端寬限期 %2 秒）</translation>
    </message>
    <message>
        <source>expired %1, accepted by %2&apos;s %3 s leeway for %4 s more</source>
        <translation>已過期（%1），但仍在 %2 的 %3 秒寬限期內，還會再被接受 %4 秒</translation>
    </message>
    <message>
        <source>nbf must be a number of seconds</source>
        <translation>nbf 必須是秒數</translation>
    </message>
    <message>
        <source>not valid until %1, beyond the verifier&apos;s leeway of %2 s: check the minting machine&apos;s clock</source>
        <translation>尚未生效（生效時間：%1），已超出驗證端 %2 秒的寬限期：請檢查簽發電腦的時鐘</translation>
    </message>
    <message>
        <source>exp is not after nbf: never valid</source>
        <translation>exp 不晚於 nbf：永遠不會生效</translation>
    </message>
    <message>
        <source>LiveKit servers accept only HS256, this token uses &quot;%1&quot;</source>
        <translation>LiveKit 伺服器只接受 HS256，此權杖使用 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no iss: the server finds the API secret by iss (the API key), so it answers 401</source>
        <translation>沒有 iss：伺服器是依 iss（API 金鑰）找出 API 密鑰，因此會回應 401</translation>
    </message>
    <message>
        <source>header typ &quot;%1&quot; is unusual (LiveKit ignores it)</source>
        <translation>標頭 typ &quot;%1&quot; 不常見（LiveKit 會忽略它）</translation>
    </message>
    <message>
        <source>alg &quot;none&quot;: the token is unsigned and every verifier must refuse it</source>
        <translation>alg &quot;none&quot;：權杖未簽署，所有驗證端都必須拒絕它</translation>
    </message>
    <message>
        <source>the header lists critical extensions (crit): RFC 7515 makes a verifier refuse a token whose critical extensions it does not understand, and livekit-server-sdk and jose do</source>
        <translation>標頭列出了關鍵擴充（crit）：RFC 7515 規定驗證端必須拒絕含有其無法理解之關鍵擴充的權杖，而 livekit-server-sdk 與 jose 確實會拒絕</translation>
    </message>
    <message>
        <source>iss is &quot;%1&quot;, not the API key &quot;%2&quot;: the server would look up another key&apos;s secret</source>
        <translation>iss 為 &quot;%1&quot;，而不是 API 金鑰 &quot;%2&quot;：伺服器會去查找另一把金鑰的密鑰</translation>
    </message>
    <message>
        <source>iss is not the app_id &quot;%1&quot;: Prosody only accepts its asap_accepted_issuers</source>
        <translation>iss 不是 app_id &quot;%1&quot;：Prosody 只接受其 asap_accepted_issuers</translation>
    </message>
    <message>
        <source>aud is not &quot;%1&quot; (asap_accepted_audiences)</source>
        <translation>aud 不是 &quot;%1&quot;（asap_accepted_audiences）</translation>
    </message>
    <message>
        <source>a JWT, but neither a LiveKit, JaaS nor Jitsi token by its claims</source>
        <translation>是 JWT，但從其宣告看來既不是 LiveKit、JaaS 也不是 Jitsi 權杖</translation>
    </message>
    <message>
        <source>the Kit Token&apos;s appID %1 is not the expected %2</source>
        <translation>Kit Token 的 appID %1 不是預期的 %2</translation>
    </message>
    <message>
        <source>expired %1: ZEGOCLOUD refuses it at login</source>
        <translation>已過期（%1）：ZEGOCLOUD 會在登入時拒絕它</translation>
    </message>
    <message>
        <source>CBC layout: accepted, but the newest official generator writes GCM (authenticated)</source>
        <translation>CBC 格式：可接受，但最新的官方產生器使用 GCM（驗證式加密）</translation>
    </message>
    <message>
        <source>the claims are encrypted: give the ServerSecret to read and verify them</source>
        <translation>宣告已加密：請提供 ServerSecret 以讀取並驗證</translation>
    </message>
    <message>
        <source>the clear expire (%1) differs from the encrypted one (%2): the token was assembled by hand</source>
        <translation>明文的 expire（%1）與加密的 expire（%2）不同：此權杖是手動組合的</translation>
    </message>
    <message>
        <source>app_id %1 is not the expected AppID %2: ZEGOCLOUD refuses tokens of another app</source>
        <translation>app_id %1 不是預期的 AppID %2：ZEGOCLOUD 會拒絕其他應用程式的權杖</translation>
    </message>
    <message>
        <source>ctime is %1: the minting machine&apos;s clock is ahead</source>
        <translation>ctime 為 %1：簽發電腦的時鐘走快了</translation>
    </message>
    <message>
        <source>no payload member: made by the UIKit test generator (generateKitTokenForTest)</source>
        <translation>沒有 payload 成員：由 UIKit 測試產生器（generateKitTokenForTest）產生</translation>
    </message>
    <message>
        <source>the Kit Token says userID &quot;%1&quot; but its authenticated Token04 is for &quot;%2&quot;: the outer part was changed, or the two were assembled from different mints</source>
        <translation>Kit Token 標示的 userID 為 &quot;%1&quot;，但其經驗證的 Token04 屬於 &quot;%2&quot;：外層部分遭到修改，或兩者取自不同次的簽發</translation>
    </message>
    <message>
        <source>the Kit Token says roomID &quot;%1&quot; but its authenticated Token04 allows only room &quot;%2&quot;</source>
        <translation>Kit Token 標示的 roomID 為 &quot;%1&quot;，但其經驗證的 Token04 只允許房間 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>the Kit Token says appID %1 but its authenticated Token04 is for app %2</source>
        <translation>Kit Token 標示的 appID 為 %1，但其經驗證的 Token04 屬於應用程式 %2</translation>
    </message>
    <message>
        <source>JaaS tokens should carry context.features; the Meet client reports its absence and 8x8 applies defaults</source>
        <translation>JaaS 權杖應含有 context.features；缺少時 Meet 用戶端會回報，8x8 則會套用預設值</translation>
    </message>
    <message>
        <source>context.features must be an object</source>
        <translation>context.features 必須是物件</translation>
    </message>
    <message>
        <source>feature &quot;%1&quot; is unknown; the Meet client flags it as featureInvalid and nothing enables it%2</source>
        <translation>功能 &quot;%1&quot; 未知；Meet 用戶端會將其標示為 featureInvalid，也不會因此啟用任何功能%2</translation>
    </message>
    <message>
        <source>feature &quot;%1&quot; must be true, false, &quot;true&quot; or &quot;false&quot;</source>
        <translation>功能 &quot;%1&quot; 必須是 true、false、&quot;true&quot; 或 &quot;false&quot;</translation>
    </message>
    <message>
        <source>features are enabled but the user is not a moderator: on JaaS, features only take effect for moderators</source>
        <translation>已啟用功能，但使用者不是主持人：在 JaaS 上，功能只對主持人生效</translation>
    </message>
    <message>
        <source>header typ must be exactly &quot;JWT&quot;: Prosody rejects any other value or its absence</source>
        <translation>標頭 typ 必須正好是 &quot;JWT&quot;：若為其他值或缺少此欄位，Prosody 都會拒絕</translation>
    </message>
    <message>
        <source>JaaS accepts only RS256, not %1</source>
        <translation>JaaS 只接受 RS256，不接受 %1</translation>
    </message>
    <message>
        <source>JaaS needs header kid = AppID/key id to find the public key</source>
        <translation>JaaS 需要標頭 kid = AppID/金鑰 ID 才能找到公鑰</translation>
    </message>
    <message>
        <source>kid &quot;%1&quot; does not start with sub &quot;%2&quot; (8x8 reports kidMismatch)</source>
        <translation>kid &quot;%1&quot; 並非以 sub &quot;%2&quot; 開頭（8x8 會回報 kidMismatch）</translation>
    </message>
    <message>
        <source>JaaS requires aud &quot;jitsi&quot;</source>
        <translation>JaaS 要求 aud 為 &quot;jitsi&quot;</translation>
    </message>
    <message>
        <source>JaaS requires iss &quot;chat&quot;</source>
        <translation>JaaS 要求 iss 為 &quot;chat&quot;</translation>
    </message>
    <message>
        <source>Prosody requires iss (normally its app_id, asap_accepted_issuers)</source>
        <translation>Prosody 需要 iss（通常是其 app_id，即 asap_accepted_issuers）</translation>
    </message>
    <message>
        <source>Prosody requires aud (asap_accepted_audiences)</source>
        <translation>Prosody 需要 aud（asap_accepted_audiences）</translation>
    </message>
    <message>
        <source>Prosody compares aud as a string; an array only passes when audiences are &quot;*&quot;</source>
        <translation>Prosody 會將 aud 當作字串比對；只有當受眾設為 &quot;*&quot; 時，陣列才能通過</translation>
    </message>
    <message>
        <source>with domain verification (the default) Prosody needs sub: the domain, tenant or &quot;*&quot;</source>
        <translation>啟用網域驗證（預設）時，Prosody 需要 sub：網域、租用戶或 &quot;*&quot;</translation>
    </message>
    <message>
        <source>RS256 (ASAP) needs header kid: Prosody fetches &lt;sha256(kid)&gt;.pem from its key server</source>
        <translation>RS256（ASAP）需要標頭 kid：Prosody 會從其金鑰伺服器取得 &lt;sha256(kid)&gt;.pem</translation>
    </message>
    <message>
        <source>no nbf: the Meet client reports nbfInvalid (the official Python sample has this bug)</source>
        <translation>沒有 nbf：Meet 用戶端會回報 nbfInvalid（官方 Python 範例有此錯誤）</translation>
    </message>
    <message>
        <source>no exp: Prosody accepts it forever, the Meet client reports it, 8x8 refuses it</source>
        <translation>沒有 exp：Prosody 會永久接受它，Meet 用戶端會回報此問題，8x8 則會拒絕</translation>
    </message>
    <message>
        <source>no room claim: Prosody requires it (asap_require_room_claim); use &quot;*&quot; for any room</source>
        <translation>沒有 room 宣告：Prosody 需要此宣告（asap_require_room_claim）；以 &quot;*&quot; 表示任何房間</translation>
    </message>
    <message>
        <source>no context: the Meet client reports it, and the user has no name or id</source>
        <translation>沒有 context：Meet 用戶端會回報此問題，且使用者沒有名稱或 id</translation>
    </message>
    <message>
        <source>context.user.%1 should be a string: null or numbers break presence_identity</source>
        <translation>context.user.%1 應為字串：null 或數字會破壞 presence_identity</translation>
    </message>
    <message>
        <source>context.user.moderator is neither true nor &quot;true&quot;: the user is not a moderator</source>
        <translation>context.user.moderator 既不是 true 也不是 &quot;true&quot;：使用者不是主持人</translation>
    </message>
    <message>
        <source>room is a pattern (context.room.regex): Prosody applies it as a Lua pattern, not a JavaScript/PCRE regex, anchored to the whole room name</source>
        <translation>room 是樣式（context.room.regex）：Prosody 會將它當作 Lua 樣式套用，而不是 JavaScript/PCRE 正規表示式，並錨定整個房間名稱</translation>
    </message>
    <message>
        <source>no Jitsi Meet client can join room &quot;%1&quot;: clients join the URL-safe lower-case form of a name, and Prosody compares that with the claim; the claim should be &quot;%2&quot;</source>
        <translation>任何 Jitsi Meet 用戶端都無法加入房間 &quot;%1&quot;：用戶端以名稱的網址安全小寫形式加入，Prosody 則以此與宣告比對；宣告應為 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>the room pattern &quot;%1&quot; is not a valid Lua pattern (%2): Prosody fails on it and refuses every join</source>
        <translation>房間樣式 &quot;%1&quot; 不是有效的 Lua 樣式（%2）：Prosody 處理時會失敗，並拒絕所有加入要求</translation>
    </message>
    <message>
        <source>%1 in the room pattern becomes %2 when Prosody lower-cases the claim, so it matches the opposite set; write [^%2] instead</source>
        <translation>房間樣式中的 %1 在 Prosody 將宣告轉為小寫後會變成 %2，因而比對到相反的字元集合；請改寫為 [^%2]</translation>
    </message>
    <message>
        <source>this deployment has domain verification off: Prosody then compares the room claim literally and the pattern &quot;%1&quot; matches no room</source>
        <translation>此部署已關閉網域驗證：Prosody 會照字面比對 room 宣告，樣式 &quot;%1&quot; 不會符合任何房間</translation>
    </message>
    <message>
        <source>a room pattern works only where Prosody has enable_domain_verification on (the default since mid-2022); with it off the claim is compared literally</source>
        <translation>房間樣式只在 Prosody 開啟 enable_domain_verification（自 2022 年中起為預設）時才有作用；關閉時宣告會照字面比對</translation>
    </message>
    <message>
        <source>with domain verification on, rooms under the tenant &quot;%1&quot; need sub &quot;%1&quot; (or &quot;*&quot;), not &quot;%2&quot;: Prosody refuses the join</source>
        <translation>開啟網域驗證時，租用戶 &quot;%1&quot; 底下的房間需要 sub 為 &quot;%1&quot;（或 &quot;*&quot;），而不是 &quot;%2&quot;：Prosody 會拒絕加入</translation>
    </message>
    <message>
        <source>with domain verification on, Prosody needs sub: the domain &quot;%1&quot; or &quot;*&quot;</source>
        <translation>開啟網域驗證時，Prosody 需要 sub：網域 &quot;%1&quot; 或 &quot;*&quot;</translation>
    </message>
    <message>
        <source>sub &quot;%1&quot; is not this deployment&apos;s domain &quot;%2&quot;: Prosody compares it with its XMPP domain (conference.&lt;sub&gt;), so the join works only if that domain is &quot;%1&quot; (docker-jitsi-meet uses meet.jitsi)</source>
        <translation>sub &quot;%1&quot; 不是此部署的網域 &quot;%2&quot;：Prosody 會將它與其 XMPP 網域（conference.&lt;sub&gt;）比對，因此只有在該網域為 &quot;%1&quot; 時才能加入（docker-jitsi-meet 使用 meet.jitsi）</translation>
    </message>
    <message>
        <source>roomConfig.egress streams the room (a stream output or RTMP/SRT URL): LiveKit&apos;s Go SDK refuses to mint such a token, and whoever holds it decides where the room goes</source>
        <translation>roomConfig.egress 會將房間串流出去（串流輸出或 RTMP/SRT URL）：LiveKit 的 Go SDK 拒絕簽發這類權杖，而且持有權杖的人就能決定房間內容送往何處</translation>
    </message>
    <message>
        <source>roomConfig.name &quot;%1&quot; is not the token&apos;s room &quot;%2&quot;</source>
        <translation>roomConfig.name &quot;%1&quot; 不是權杖的房間 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>roomConfig.egress records or exports the room when this token creates it</source>
        <translation>此權杖建立房間時，roomConfig.egress 會錄製或匯出該房間</translation>
    </message>
    <message>
        <source>roomConfig.agents dispatches agents to the room when this token creates it</source>
        <translation>此權杖建立房間時，roomConfig.agents 會將代理程式派送到該房間</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string; LiveKit&apos;s strict JSON decoding rejects the token</source>
        <translation>&quot;%1&quot; 必須是字串；LiveKit 嚴格的 JSON 解碼會拒絕此權杖</translation>
    </message>
    <message>
        <source>%1.%2 must be true or false; LiveKit rejects the whole token</source>
        <translation>%1.%2 必須是 true 或 false；LiveKit 會拒絕整個權杖</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key of the %2 grant; LiveKit ignores it%3</source>
        <translation>&quot;%1&quot; 不是 %2 授權的鍵；LiveKit 會忽略它%3</translation>
    </message>
    <message>
        <source>roomAdmin without video.room: admin APIs compare the target room with video.room, so this grant administers nothing</source>
        <translation>roomAdmin 未搭配 video.room：管理 API 會將目標房間與 video.room 比對，因此此授權無法管理任何房間</translation>
    </message>
    <message>
        <source>canPublishSources has no effect while canPublish is false</source>
        <translation>canPublish 為 false 時，canPublishSources 沒有作用</translation>
    </message>
    <message>
        <source>%1&quot;%2&quot; differs from &quot;%3&quot; only in case: LiveKit&apos;s JSON decoding matches names case-insensitively, so the server honours it as %3</source>
        <translation>%1&quot;%2&quot; 與 &quot;%3&quot; 只差在大小寫：LiveKit 的 JSON 解碼比對名稱時不分大小寫，因此伺服器會將它視為 %3</translation>
    </message>
    <message>
        <source>kindDetails must be a list of strings; LiveKit refuses the token</source>
        <translation>kindDetails 必須是字串清單；LiveKit 會拒絕此權杖</translation>
    </message>
    <message>
        <source>participant kind &quot;%1&quot; is unknown; LiveKit treats it as &quot;standard&quot;</source>
        <translation>參與者類型 &quot;%1&quot; 未知；LiveKit 會將它視為 &quot;standard&quot;</translation>
    </message>
    <message>
        <source>the token carries &quot;aud&quot;: LiveKit&apos;s Python TokenVerifier rejects any token with an audience</source>
        <translation>權杖含有 &quot;aud&quot;：LiveKit 的 Python TokenVerifier 會拒絕任何含有受眾的權杖</translation>
    </message>
    <message>
        <source>&quot;video&quot; must be an object</source>
        <translation>&quot;video&quot; 必須是物件</translation>
    </message>
    <message>
        <source>no video grant: the token cannot join a room (server API use only)</source>
        <translation>沒有 video 授權：此權杖無法加入房間（僅供伺服器 API 使用）</translation>
    </message>
    <message>
        <source>attribute &quot;%1&quot; is not a string; LiveKit requires string values</source>
        <translation>屬性 &quot;%1&quot; 不是字串；LiveKit 要求值必須是字串</translation>
    </message>
    <message>
        <source>&quot;attributes&quot; must be an object of strings</source>
        <translation>&quot;attributes&quot; 必須是值皆為字串的物件</translation>
    </message>
    <message>
        <source>video.roomConfiguration was replaced by top-level roomConfig in protocol v1.27.0</source>
        <translation>video.roomConfiguration 已在 protocol v1.27.0 中由頂層的 roomConfig 取代</translation>
    </message>
    <message>
        <source>the token joins any room (roomJoin without video.room): the room comes from the client&apos;s connect request</source>
        <translation>此權杖可加入任何房間（roomJoin 但沒有 video.room）：房間取自用戶端的連線請求</translation>
    </message>
    <message>
        <source>the token joins a room (roomJoin) without an identity (sub): the server answers 400 &quot;identity cannot be empty&quot;</source>
        <translation>此權杖加入房間（roomJoin）卻沒有身分（sub）：伺服器會回應 400 &quot;identity cannot be empty&quot;</translation>
    </message>
    <message>
        <source>the Stream API key is missing</source>
        <translation>缺少 Stream API 金鑰</translation>
    </message>
    <message>
        <source>the Stream API secret is missing</source>
        <translation>缺少 Stream API 密鑰</translation>
    </message>
    <message>
        <source>user_id must be a string</source>
        <translation>user_id 必須是字串</translation>
    </message>
    <message>
        <source>call_cids must list strings such as default:standup</source>
        <translation>call_cids 必須列出字串，例如 default:standup</translation>
    </message>
    <message>
        <source>call_cids must be a list such as [&quot;default:standup&quot;]</source>
        <translation>call_cids 必須是清單，例如 [&quot;default:standup&quot;]</translation>
    </message>
    <message>
        <source>role must be a string</source>
        <translation>role 必須是字串</translation>
    </message>
    <message>
        <source>Stream signs user tokens with HS256, this token uses &quot;%1&quot;</source>
        <translation>Stream 以 HS256 簽署使用者權杖，此權杖使用 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no user_id: Stream ties a token to a user and refuses it</source>
        <translation>沒有 user_id：Stream 的權杖綁定使用者，會拒絕此權杖</translation>
    </message>
    <message>
        <source>no exp: the token never expires (a permanent user token); anyone who copies it is that user until the secret changes</source>
        <translation>沒有 exp：權杖永不過期（永久使用者權杖）；任何複製到它的人，在密鑰更換前都能以該使用者身分連線</translation>
    </message>
    <message>
        <source>role without call_cids: the SDK writes a role only in call tokens (generateCallToken), for the calls they list</source>
        <translation>有 role 卻沒有 call_cids：SDK 只在通話權杖（generateCallToken）中寫入角色，且只適用於所列的通話</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in call_cids is not type:id: it matches no call</source>
        <translation>call_cids 中的 &quot;%1&quot; 不是 type:id：不符合任何通話</translation>
    </message>
    <message>
        <source>the 100ms access key is missing</source>
        <translation>缺少 100ms 存取金鑰</translation>
    </message>
    <message>
        <source>the 100ms app secret is missing</source>
        <translation>缺少 100ms 應用程式密鑰</translation>
    </message>
    <message>
        <source>access_key is &quot;%1&quot;, not &quot;%2&quot;: 100ms would look up another app&apos;s secret</source>
        <translation>access_key 為 &quot;%1&quot;，而非 &quot;%2&quot;：100ms 會查找另一個應用程式的密鑰</translation>
    </message>
    <message>
        <source>%1 must be a string</source>
        <translation>%1 必須是字串</translation>
    </message>
    <message>
        <source>100ms signs tokens with HS256, this token uses &quot;%1&quot;</source>
        <translation>100ms 以 HS256 簽署權杖，此權杖使用 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no access_key: 100ms cannot tell which app secret signed it</source>
        <translation>沒有 access_key：100ms 無法得知是哪個應用程式密鑰簽署的</translation>
    </message>
    <message>
        <source>type is &quot;%1&quot;, not app (joining a room) or management (the REST API)</source>
        <translation>type 為 &quot;%1&quot;，不是 app（加入房間）或 management（REST API）</translation>
    </message>
    <message>
        <source>version is not 2: 100ms reads only version-2 tokens</source>
        <translation>version 不是 2：100ms 只讀取第 2 版權杖</translation>
    </message>
    <message>
        <source>no jti: the SDK gives each token a unique ID</source>
        <translation>沒有 jti：SDK 會為每個權杖提供唯一 ID</translation>
    </message>
    <message>
        <source>no exp: 100ms refuses it</source>
        <translation>沒有 exp：100ms 會拒絕此權杖</translation>
    </message>
    <message>
        <source>a management token with room_id or role: it is not limited to that room, it reaches the whole workspace&apos;s API</source>
        <translation>管理權杖帶有 room_id 或 role：它不會受限於該房間，而能存取整個工作區的 API</translation>
    </message>
    <message>
        <source>the account SID is missing</source>
        <translation>缺少帳戶 SID</translation>
    </message>
    <message>
        <source>the account SID is AC and 32 lowercase hex digits</source>
        <translation>帳戶 SID 應為 AC 加上 32 個小寫十六進位數字</translation>
    </message>
    <message>
        <source>the API key SID is missing</source>
        <translation>缺少 API 金鑰 SID</translation>
    </message>
    <message>
        <source>the API key SID is SK and 32 lowercase hex digits (the key&apos;s SID, not its secret)</source>
        <translation>API 金鑰 SID 應為 SK 加上 32 個小寫十六進位數字（金鑰的 SID，而非其密鑰）</translation>
    </message>
    <message>
        <source>the API secret is missing</source>
        <translation>缺少 API 密鑰</translation>
    </message>
    <message>
        <source>iss is &quot;%1&quot;, not the API key &quot;%2&quot;: Twilio would look up another key&apos;s secret</source>
        <translation>iss 為 &quot;%1&quot;，而非 API 金鑰 &quot;%2&quot;：Twilio 會查找另一把金鑰的密鑰</translation>
    </message>
    <message>
        <source>sub is &quot;%1&quot;, not the account %2: the token belongs to another account</source>
        <translation>sub 為 &quot;%1&quot;，而非帳戶 %2：此權杖屬於另一個帳戶</translation>
    </message>
    <message>
        <source>the &quot;%1&quot; grant must be an object</source>
        <translation>&quot;%1&quot; 授權必須是物件</translation>
    </message>
    <message>
        <source>grants.identity must be a string</source>
        <translation>grants.identity 必須是字串</translation>
    </message>
    <message>
        <source>Twilio accepts HS256, HS384 or HS512, this token uses &quot;%1&quot;</source>
        <translation>Twilio 接受 HS256、HS384 或 HS512，此權杖使用 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the header&apos;s cty is not &quot;twilio-fpa;v=1&quot;: Twilio does not read it as an Access Token</source>
        <translation>標頭的 cty 不是 &quot;twilio-fpa;v=1&quot;：Twilio 不會把它當成 Access Token</translation>
    </message>
    <message>
        <source>iss &quot;%1&quot; is not an API key SID (SK and 32 hex digits)</source>
        <translation>iss &quot;%1&quot; 不是 API 金鑰 SID（SK 加上 32 個十六進位數字）</translation>
    </message>
    <message>
        <source>sub &quot;%1&quot; is not an account SID (AC and 32 hex digits)</source>
        <translation>sub &quot;%1&quot; 不是帳戶 SID（AC 加上 32 個十六進位數字）</translation>
    </message>
    <message>
        <source>no grants.identity: Twilio Video, Chat and Voice refuse the token</source>
        <translation>沒有 grants.identity：Twilio Video、Chat 與 Voice 會拒絕此權杖</translation>
    </message>
    <message>
        <source>no exp: Twilio refuses Access Tokens without an expiry</source>
        <translation>沒有 exp：Twilio 會拒絕沒有到期時間的 Access Token</translation>
    </message>
    <message>
        <source>lives %1 s: over Twilio&apos;s 24-hour maximum, so Twilio refuses it</source>
        <translation>有效 %1 秒：超過 Twilio 的 24 小時上限，Twilio 會拒絕</translation>
    </message>
    <message>
        <source>uid must be a whole number from 0 to 4294967295</source>
        <translation>uid 必須是 0 到 4294967295 的整數</translation>
    </message>
    <message>
        <source>uid must be a number; a text user is an account</source>
        <translation>uid 必須是數字；文字形式的使用者是帳號</translation>
    </message>
    <message>
        <source>role &quot;%1&quot; is not publisher or subscriber</source>
        <translation>角色 &quot;%1&quot; 不是 publisher 或 subscriber</translation>
    </message>
    <message>
        <source>privilege_ttl must be a number of seconds</source>
        <translation>privilege_ttl 必須是秒數</translation>
    </message>
    <message>
        <source>the token&apos;s expiry is 0 seconds after its issue time: it is expired as soon as it is made</source>
        <translation>權杖的到期時間是簽發後 0 秒：一產生就已過期</translation>
    </message>
    <message>
        <source>expired %1: Agora refuses it</source>
        <translation>已過期（%1）：Agora 會拒絕它</translation>
    </message>
    <message>
        <source>the token lives %1: Agora documents tokens as valid for 24 hours at most</source>
        <translation>權杖有效 %1：Agora 文件說明權杖最多有效 24 小時</translation>
    </message>
    <message>
        <source>issued %1: the minting machine&apos;s clock is ahead</source>
        <translation>簽發時間為 %1：簽發機器的時鐘超前</translation>
    </message>
    <message>
        <source>the app ID &quot;%1&quot; is not 32 hex characters</source>
        <translation>App ID &quot;%1&quot; 不是 32 個十六進位字元</translation>
    </message>
    <message>
        <source>%1 is a service this version does not read; the services after it are not shown (the signature still covers them)</source>
        <translation>%1 是此版本無法讀取的服務；其後的服務不會顯示（簽章仍涵蓋它們）</translation>
    </message>
    <message>
        <source>%1 %2 expires 0 seconds after issue (the SDK&apos;s default when no privilege expiry is given); Agora&apos;s samples give privileges the token&apos;s own lifetime</source>
        <translation>%1 %2 在簽發後 0 秒到期（未指定權限到期時間時 SDK 的預設值）；Agora 的範例讓權限與權杖本身的有效期相同</translation>
    </message>
    <message>
        <source>%1 %2 lasts %3, longer than the token&apos;s %4: the token&apos;s expiry ends it first</source>
        <translation>%1 %2 有效 %3，比權杖的 %4 長：會先因權杖到期而結束</translation>
    </message>
    <message>
        <source>%1 %2 ends %3 after issue, before the token does: the client is told the privilege will expire and must renew the token</source>
        <translation>%1 %2 在簽發後 %3 結束，早於權杖：用戶端會收到權限即將到期的通知，並必須更新權杖</translation>
    </message>
    <message>
        <source>uid 0 (written empty): the token is tied to no user, any uid may join the channel with it</source>
        <translation>uid 0（寫成空字串）：權杖不綁定任何使用者，任何 uid 都能用它加入頻道</translation>
    </message>
    <message>
        <source>the RTC service has no join-channel privilege: Agora refuses the join</source>
        <translation>RTC 服務沒有加入頻道權限：Agora 會拒絕加入</translation>
    </message>
    <message>
        <source>no service: the token grants nothing</source>
        <translation>沒有任何服務：此權杖不授予任何權限</translation>
    </message>
    <message>
        <source>a legacy AccessToken (006): Agora replaced it with AccessToken2 (007); TokenDesk decodes 006 but does not mint it</source>
        <translation>舊版 AccessToken（006）：Agora 已以 AccessToken2（007）取代；TokenDesk 可解碼 006，但不簽發</translation>
    </message>
    <message>
        <source>the 006 signature covers the channel name and uid, which the token holds only as CRC32 checksums, so it is not verified here</source>
        <translation>006 簽章涵蓋頻道名稱與 uid，但權杖中只存有它們的 CRC32 檢查碼，因此這裡不驗證</translation>
    </message>
    <message>
        <source>the Agora app ID is missing</source>
        <translation>缺少 Agora App ID</translation>
    </message>
    <message>
        <source>the Agora app ID is 32 hex characters</source>
        <translation>Agora App ID 應為 32 個十六進位字元</translation>
    </message>
    <message>
        <source>the app certificate is missing</source>
        <translation>缺少 App 憑證</translation>
    </message>
    <message>
        <source>the app certificate is 32 hex characters</source>
        <translation>App 憑證應為 32 個十六進位字元</translation>
    </message>
    <message>
        <source>the token is for app %1, not %2: Agora refuses it in this project</source>
        <translation>此權杖屬於應用程式 %1，而非 %2：Agora 會在此專案中拒絕它</translation>
    </message>
    <message>
        <source>give the app certificate to verify the signature</source>
        <translation>請提供 App 憑證以驗證簽章</translation>
    </message>
    <message>
        <source>the signature does not match this app certificate: the token was changed, or another certificate (or project) made it</source>
        <translation>簽章與此 App 憑證不符：權杖遭到修改，或由其他憑證（或專案）產生</translation>
    </message>
    <message>
        <source>the Vonage application ID is missing</source>
        <translation>缺少 Vonage 應用程式 ID</translation>
    </message>
    <message>
        <source>Vonage client tokens are RS256, this token uses &quot;%1&quot;</source>
        <translation>Vonage 用戶端權杖使用 RS256，此權杖使用 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>application_id is %1, not %2: Vonage checks it with another application&apos;s public key</source>
        <translation>application_id 為 %1，而非 %2：Vonage 會用另一個應用程式的公鑰來檢查它</translation>
    </message>
    <message>
        <source>exp is iat + 900 s, what @vonage/jwt writes when the exp it was given was not in the future (it replaces it silently)</source>
        <translation>exp 為 iat + 900 秒：這是 @vonage/jwt 在收到的 exp 不在未來時寫入的值（它會默默替換）</translation>
    </message>
    <message>
        <source>the token lives more than 30 days: Vonage refuses it</source>
        <translation>權杖有效超過 30 天：Vonage 會拒絕</translation>
    </message>
    <message>
        <source>the OpenTok API key is missing</source>
        <translation>缺少 OpenTok API 金鑰</translation>
    </message>
    <message>
        <source>the OpenTok API secret is missing</source>
        <translation>缺少 OpenTok API 密鑰</translation>
    </message>
    <message>
        <source>iss is &quot;%1&quot;, not the API key %2</source>
        <translation>iss 為 &quot;%1&quot;，而非 API 金鑰 %2</translation>
    </message>
    <message>
        <source>no expire_time: OpenTok refuses it</source>
        <translation>沒有 expire_time：OpenTok 會拒絕</translation>
    </message>
    <message>
        <source>expired %1: OpenTok refuses it</source>
        <translation>已過期（%1）：OpenTok 會拒絕它</translation>
    </message>
    <message>
        <source>partner_id is %1, not the API key %2</source>
        <translation>partner_id 為 %1，而非 API 金鑰 %2</translation>
    </message>
    <message>
        <source>give the API secret to verify the signature</source>
        <translation>請提供 API 密鑰以驗證簽章</translation>
    </message>
    <message>
        <source>the signature does not match this API secret: the token was changed, or another secret made it</source>
        <translation>簽章與此 API 密鑰不符：權杖遭到修改，或由其他密鑰產生</translation>
    </message>
    <message>
        <source>no session_id: the token connects to no session</source>
        <translation>沒有 session_id：權杖不會連線到任何工作階段</translation>
    </message>
    <message>
        <source>session_id does not start with 1_ or 2_ as the session IDs the API creates do</source>
        <translation>session_id 不是以 1_ 或 2_ 開頭，與 API 建立的工作階段 ID 不同</translation>
    </message>
    <message>
        <source>role &quot;%1&quot; is not publisher, subscriber, moderator or publisheronly</source>
        <translation>角色 &quot;%1&quot; 不是 publisher、subscriber、moderator 或 publisheronly</translation>
    </message>
    <message>
        <source>connection_data is %1 characters, over the 1024 the SDKs allow</source>
        <translation>connection_data 為 %1 個字元，超過 SDK 允許的 1024</translation>
    </message>
    <message>
        <source>the session belongs to API key &quot;%1&quot;, not %2: OpenTok refuses the connection</source>
        <translation>工作階段屬於 API 金鑰 &quot;%1&quot;，而非 %2：OpenTok 會拒絕連線</translation>
    </message>
</context>
<context>
    <name>td::Provider</name>
    <message>
        <source>JaaS (8x8)</source>
        <translation>JaaS（8x8）</translation>
    </message>
    <message>
        <source>From the JaaS console (API keys): the AppID, the key ID shown next to the key, and the private key downloaded when the key was made.</source>
        <translation>取自 JaaS 主控台（API keys）：AppID、顯示在金鑰旁的金鑰 ID，以及建立金鑰時下載的私鑰。</translation>
    </message>
    <message>
        <source>Jitsi (self-hosted)</source>
        <translation>Jitsi（自架）</translation>
    </message>
    <message>
        <source>Prosody&apos;s token settings: app_id with app_secret (HS256), or a private key and its key ID (RS256).</source>
        <translation>Prosody 的權杖設定：app_id 搭配 app_secret（HS256），或私鑰及其金鑰 ID（RS256）。</translation>
    </message>
    <message>
        <source>the key&apos;s name on the public key server</source>
        <translation>金鑰在公鑰伺服器上的名稱</translation>
    </message>
    <message>
        <source>LiveKit</source>
        <translation>LiveKit</translation>
    </message>
    <message>
        <source>From the LiveKit Cloud project settings (API keys), or the keys: section of livekit.yaml.</source>
        <translation>取自 LiveKit Cloud 專案設定（API keys），或 livekit.yaml 的 keys: 區段。</translation>
    </message>
    <message>
        <source>ZEGOCLOUD</source>
        <translation>ZEGOCLOUD</translation>
    </message>
    <message>
        <source>From the ZEGOCLOUD console: the AppID (digits) and the 32-character ServerSecret.</source>
        <translation>取自 ZEGOCLOUD 主控台：AppID（數字）與 32 個字元的 ServerSecret。</translation>
    </message>
    <message>
        <source>digits, for example 1234567890</source>
        <translation>數字，例如 1234567890</translation>
    </message>
    <message>
        <source>App &amp;ID (app_id)</source>
        <translation>App ID（app_id）(&amp;I)</translation>
    </message>
    <message>
        <source>Key I&amp;D (kid, RS256)</source>
        <translation>金鑰 ID（kid，RS256）(&amp;D)</translation>
    </message>
    <message>
        <source>Private &amp;key (RS256)</source>
        <translation>私鑰（RS256）(&amp;K)</translation>
    </message>
    <message>
        <source>meet.example.com, a tenant, or *</source>
        <translation>meet.example.com、租用戶，或 *</translation>
    </message>
    <message>
        <source>32 characters</source>
        <translation>32 個字元</translation>
    </message>
    <message>
        <source>Jitsi / JaaS: GET ?room=&amp;user_id= (jitsi-get)</source>
        <translation>Jitsi / JaaS：GET ?room=&amp;user_id=（jitsi-get）</translation>
    </message>
    <message>
        <source>LiveKit: GET ?room=&amp;identity= (livekit-get)</source>
        <translation>LiveKit：GET ?room=&amp;identity=（livekit-get）</translation>
    </message>
    <message>
        <source>LiveKit: POST connection details (livekit-standard)</source>
        <translation>LiveKit：POST 連線資訊（livekit-standard）</translation>
    </message>
    <message>
        <source>ZEGOCLOUD: GET ?userID= (zego-get)</source>
        <translation>ZEGOCLOUD：GET ?userID=（zego-get）</translation>
    </message>
    <message>
        <source>Health check (healthz)</source>
        <translation>健康檢查（healthz）</translation>
    </message>
    <message>
        <source>Stream: GET ?user_id=&amp;call_cids= (stream-get)</source>
        <translation>Stream：GET ?user_id=&amp;call_cids=（stream-get）</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>From the Stream dashboard (your app&apos;s overview): the key and the secret; the secret signs the tokens, the key names the app.</source>
        <translation>取自 Stream 主控台（應用程式總覽）：金鑰與密鑰；密鑰用來簽署權杖，金鑰代表應用程式。</translation>
    </message>
    <message>
        <source>100ms: GET ?room_id=&amp;user_id=&amp;role= (100ms-get)</source>
        <translation>100ms：GET ?room_id=&amp;user_id=&amp;role=（100ms-get）</translation>
    </message>
    <message>
        <source>100ms</source>
        <translation>100ms</translation>
    </message>
    <message>
        <source>Access &amp;key</source>
        <translation>存取金鑰(&amp;K)</translation>
    </message>
    <message>
        <source>App &amp;secret</source>
        <translation>應用程式密鑰(&amp;S)</translation>
    </message>
    <message>
        <source>From the 100ms dashboard, Developer section: the app access key and the app secret that signs the tokens.</source>
        <translation>取自 100ms 主控台的 Developer 區段：應用程式存取金鑰，以及用來簽署權杖的應用程式密鑰。</translation>
    </message>
    <message>
        <source>Twilio Video: GET ?identity=&amp;room= (twilio-get)</source>
        <translation>Twilio Video：GET ?identity=&amp;room=（twilio-get）</translation>
    </message>
    <message>
        <source>Twilio</source>
        <translation>Twilio</translation>
    </message>
    <message>
        <source>Account S&amp;ID</source>
        <translation>帳戶 SID(&amp;I)</translation>
    </message>
    <message>
        <source>API &amp;key SID</source>
        <translation>API 金鑰 SID(&amp;K)</translation>
    </message>
    <message>
        <source>From the Twilio Console: the account SID (AC…) on its dashboard, an API key&apos;s SID (SK…) and secret under API keys &amp; tokens.</source>
        <translation>取自 Twilio Console：儀表板上的帳戶 SID（AC…），以及 API keys &amp; tokens 下某把 API 金鑰的 SID（SK…）與密鑰。</translation>
    </message>
    <message>
        <source>Agora: GET ?channel=&amp;uid= (agora-get)</source>
        <translation>Agora：GET ?channel=&amp;uid=（agora-get）</translation>
    </message>
    <message>
        <source>Agora</source>
        <translation>Agora</translation>
    </message>
    <message>
        <source>App &amp;ID</source>
        <translation>App ID(&amp;I)</translation>
    </message>
    <message>
        <source>App &amp;certificate</source>
        <translation>App 憑證(&amp;C)</translation>
    </message>
    <message>
        <source>32 hex characters</source>
        <translation>32 個十六進位字元</translation>
    </message>
    <message>
        <source>From Agora Console, the project&apos;s page: the App ID and the primary App Certificate (enable it first), 32 hex characters each.</source>
        <translation>取自 Agora Console 的專案頁面：App ID 與主要 App 憑證（請先啟用），各為 32 個十六進位字元。</translation>
    </message>
    <message>
        <source>Vonage Video: GET ?session_id= (vonage-get)</source>
        <translation>Vonage Video：GET ?session_id=（vonage-get）</translation>
    </message>
    <message>
        <source>OpenTok: GET ?session_id= (opentok-get)</source>
        <translation>OpenTok：GET ?session_id=（opentok-get）</translation>
    </message>
    <message>
        <source>Vonage Video</source>
        <translation>Vonage Video</translation>
    </message>
    <message>
        <source>Application &amp;ID</source>
        <translation>應用程式 ID(&amp;I)</translation>
    </message>
    <message>
        <source>From the Vonage API dashboard (Applications): the application ID and the private key downloaded when the application was made.</source>
        <translation>取自 Vonage API 主控台（Applications）：應用程式 ID，以及建立應用程式時下載的私鑰。</translation>
    </message>
    <message>
        <source>OpenTok</source>
        <translation>OpenTok</translation>
    </message>
    <message>
        <source>From the OpenTok (TokBox) account page of the project: its API key (digits) and API secret.</source>
        <translation>取自專案的 OpenTok（TokBox）帳戶頁面：API 金鑰（數字）與 API 密鑰。</translation>
    </message>
</context>
</TS>
