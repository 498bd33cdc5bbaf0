// SPDX-License-Identifier: MIT
// The permission matrix as files a tester works through: CSV, Markdown and a self-contained HTML checklist.
#include "core/batch/PermissionMatrix.h"

#include "core/csv/Csv.h"

#include <QDateTime>

namespace td::batch {
namespace {

QString utc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString settingsText(const MatrixRow& row, const QString& separator)
{
    QStringList parts;
    for (const auto& [label, value] : row.settings)
        parts << QStringLiteral("%1: %2").arg(label, value);
    return parts.join(separator);
}

QString title(const Matrix& m)
{
    return QStringLiteral("Permission matrix: %1 (%2), room %3").arg(m.profile, providerName(m.provider), m.room);
}

/** Markdown inline text: characters that would start markup are escaped. */
QString md(QString text)
{
    for (const char* c : {"\\", "`", "*", "_", "[", "]", "<", ">", "|", "#"})
        text.replace(QLatin1String(c), QLatin1Char('\\') + QLatin1String(c));
    return text.replace(QLatin1Char('\n'), QLatin1Char(' '));
}

} // namespace

QByteArray matrixCsv(const Matrix& m)
{
    QStringList header{QStringLiteral("number"), QStringLiteral("identity")};
    header += m.dimensionLabels;
    header << QStringLiteral("expected") << QStringLiteral("token") << QStringLiteral("joinLink")
           << QStringLiteral("expiresAt") << QStringLiteral("error");
    QByteArray out = csv::row(header);
    for (const MatrixRow& row : m.rows) {
        QStringList cells{QString::number(row.number), row.identity};
        for (const auto& setting : row.settings)
            cells << setting.second;
        cells << row.expected.join(QStringLiteral("; ")) << QString::fromLatin1(row.token) << row.joinLink
              << (row.expiresAt > 0 ? utc(row.expiresAt) : QString()) << row.error;
        out += csv::row(cells);
    }
    return out;
}

QByteArray matrixMarkdown(const Matrix& m)
{
    QString out = QStringLiteral("# %1\n\n").arg(md(title(m)));
    out += QStringLiteral("Generated %1, %2 combinations of: %3. The tokens below are live credentials until "
                          "they expire.\n\n")
               .arg(utc(m.generatedAt))
               .arg(m.rows.size())
               .arg(md(m.dimensionLabels.join(QStringLiteral(", "))));
    for (const QString& note : m.notes)
        out += QStringLiteral("> %1\n>\n").arg(md(note));
    QStringList labels;
    for (const QString& label : m.dimensionLabels)
        labels << md(label);
    out += QStringLiteral("\n| # | identity | ") + labels.join(QStringLiteral(" | ")) +
           QStringLiteral(" |\n|---|---|") + QStringLiteral("---|").repeated(m.dimensionLabels.size()) +
           QLatin1Char('\n');
    for (const MatrixRow& row : m.rows) {
        QStringList values;
        for (const auto& setting : row.settings)
            values << md(setting.second);
        out += QStringLiteral("| %1 | %2 | %3 |\n")
                   .arg(row.number)
                   .arg(md(row.identity), values.join(QStringLiteral(" | ")));
    }
    for (const MatrixRow& row : m.rows) {
        out += QStringLiteral("\n## %1. %2\n\n%3\n\n")
                   .arg(row.number)
                   .arg(md(row.identity), md(settingsText(row, QStringLiteral(" · "))));
        if (!row.error.isEmpty()) {
            out += QStringLiteral("**Not minted:** %1\n").arg(md(row.error));
            continue;
        }
        for (const QString& expectation : row.expected)
            out += QStringLiteral("- [ ] %1\n").arg(md(expectation));
        if (!row.joinLink.isEmpty())
            out += QStringLiteral("\n[Join](%1)\n").arg(row.joinLink);
        out += QStringLiteral("\n```\n%1\n```\n").arg(QString::fromLatin1(row.token));
    }
    return out.toUtf8();
}

QByteArray matrixHtml(const Matrix& m)
{
    const auto esc = [](const QString& text) {
        return text.toHtmlEscaped().replace(QLatin1Char('\''), QStringLiteral("&#39;"));
    };
    QString rows;
    for (const MatrixRow& row : m.rows) {
        QString chips;
        for (const auto& [label, value] : row.settings)
            chips += QStringLiteral("<span class=\"chip\">%1: <b>%2</b></span>").arg(esc(label), esc(value));
        QString checks;
        for (qsizetype i = 0; i < row.expected.size(); ++i)
            checks += QStringLiteral("<li><label><input type=\"checkbox\" data-key=\"%1.%2\"> %3</label></li>")
                          .arg(row.number)
                          .arg(i)
                          .arg(esc(row.expected[i]));
        QString actions;
        if (row.error.isEmpty()) {
            if (!row.joinLink.isEmpty())
                actions += QStringLiteral("<a class=\"button\" href=\"%1\" target=\"_blank\" rel=\"noopener "
                                          "noreferrer\">Open join link</a>")
                               .arg(esc(row.joinLink));
            actions += QStringLiteral("<button type=\"button\" data-token=\"%1\">Copy token</button>")
                           .arg(esc(QString::fromLatin1(row.token)));
        }
        rows +=
            QStringLiteral(
                "<section class=\"row\" id=\"row-%1\" data-search=\"%2\">"
                "<h2>%1. %3 <select data-key=\"%1.result\" aria-label=\"Result of row %1\">"
                "<option value=\"\">untested</option><option value=\"pass\">pass</option>"
                "<option value=\"fail\">fail</option></select></h2><div>%4</div>%5"
                "<ul>%6</ul><div class=\"actions\">%7</div>"
                "<textarea data-key=\"%1.notes\" placeholder=\"Notes\" aria-label=\"Notes for row %1\"></textarea>"
                "</section>\n")
                .arg(row.number)
                .arg(esc((row.identity + QLatin1Char(' ') + settingsText(row, QStringLiteral(" "))).toLower()),
                     esc(row.identity), chips,
                     row.error.isEmpty() ? QString()
                                         : QStringLiteral("<p class=\"error\">Not minted: %1</p>").arg(esc(row.error)),
                     checks, actions);
    }
    QString notes;
    for (const QString& note : m.notes)
        notes += QStringLiteral("<li>%1</li>").arg(esc(note));

    // Everything inline (no network): the report is opened from disk, often offline, and must not leak tokens.
    const QString page = QStringLiteral(R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%1</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:1em 1.5em;color:#1d2430;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e4e8ef;background:#16191f}.row{border-color:#39404c!important}.chip{background:#262c36!important}}
h1{font-size:1.4em}h2{font-size:1.05em;display:flex;gap:.6em;align-items:center;justify-content:space-between}
.warn{background:#fff4d6;color:#5c4300;padding:.6em .9em;border-radius:6px}
.row{border:1px solid #d5dbe3;border-radius:8px;padding:.4em 1em .8em;margin:.8em 0}
.row.pass{border-left:6px solid #2e8540}.row.fail{border-left:6px solid #c0392b}
.chip{display:inline-block;background:#eef1f5;border-radius:12px;padding:.1em .6em;margin:.15em .3em .15em 0;font-size:.9em}
ul{padding-left:1.2em}li{list-style:none;margin:.2em 0}.error{color:#c0392b}
textarea{width:100%;min-height:2.4em;box-sizing:border-box}.actions{margin:.4em 0}
.button,button{font:inherit;padding:.25em .8em;margin-right:.5em;border:1px solid #8a94a3;border-radius:5px;background:none;color:inherit;text-decoration:none;cursor:pointer}
#bar{position:sticky;top:0;background:inherit;padding:.5em 0;display:flex;gap:1em;align-items:center}
</style></head><body>
<h1>%1</h1>
<p>Profile <b>%2</b> (%3) · generated %4 · %5 combinations of %6</p>
<p class="warn">The tokens and join links in this file are live credentials until they expire. Share it only with the testers who need it.</p>
<ul>%7</ul>
<div id="bar"><input id="filter" type="search" placeholder="Filter rows" aria-label="Filter rows"><span id="progress"></span></div>
%8
<script>
(function () {
  var storeKey = 'tokendesk-matrix-%9';
  var state = {};
  try { state = JSON.parse(localStorage.getItem(storeKey) || '{}'); } catch (e) { state = {}; }
  var fields = document.querySelectorAll('[data-key]');
  function save() { try { localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) {} }
  function refresh() {
    var boxes = document.querySelectorAll('input[type=checkbox][data-key]');
    var done = 0;
    boxes.forEach(function (b) { if (b.checked) done++; });
    var results = document.querySelectorAll('select[data-key]');
    var pass = 0, failed = 0;
    results.forEach(function (s) {
      s.closest('.row').className = 'row ' + s.value;
      if (s.value === 'pass') pass++;
      if (s.value === 'fail') failed++;
    });
    document.getElementById('progress').textContent =
      done + ' of ' + boxes.length + ' checks ticked · ' + pass + ' rows pass, ' + failed + ' fail';
  }
  fields.forEach(function (f) {
    var k = f.getAttribute('data-key');
    if (k in state) { if (f.type === 'checkbox') f.checked = state[k]; else f.value = state[k]; }
    f.addEventListener(f.tagName === 'TEXTAREA' ? 'input' : 'change', function () {
      state[k] = f.type === 'checkbox' ? f.checked : f.value; save(); refresh();
    });
  });
  document.querySelectorAll('button[data-token]').forEach(function (b) {
    b.addEventListener('click', function () {
      navigator.clipboard.writeText(b.getAttribute('data-token')).then(function () {
        b.textContent = 'Copied'; setTimeout(function () { b.textContent = 'Copy token'; }, 1500);
      });
    });
  });
  document.getElementById('filter').addEventListener('input', function (e) {
    var q = e.target.value.toLowerCase();
    document.querySelectorAll('.row').forEach(function (r) {
      r.style.display = r.getAttribute('data-search').indexOf(q) >= 0 ? '' : 'none';
    });
  });
  refresh();
})();
</script>
</body></html>
)");
    const QString storeKey =
        QString::number(m.generatedAt) + QLatin1Char('-') + QString::fromLatin1(m.profile.toUtf8().toHex().left(32));
    // One arg() call: a second pass would replace "%5" typed into a profile name or room.
    return page
        .arg(esc(title(m)), esc(m.profile), esc(providerName(m.provider)), utc(m.generatedAt),
             QString::number(m.rows.size()), esc(m.dimensionLabels.join(QStringLiteral(", "))), notes, rows, storeKey)
        .toUtf8();
}

QByteArray matrixReport(const Matrix& matrix, Format format)
{
    switch (format) {
    case Format::Html: return matrixHtml(matrix);
    case Format::Markdown: return matrixMarkdown(matrix);
    case Format::Csv:
    case Format::Json: // chooseFormat gives no JSON for a matrix report
        break;
    }
    return matrixCsv(matrix);
}

} // namespace td::batch
