#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Keeps resources/translations/*.ts in step with the desktop app's sources.

Qt 6.4's lupdate does not understand C++17 nested namespaces (`namespace td::ui {`), so it files the strings of
td::ui::MintPage under the context "MintPage", while tr() looks them up under "td::ui::MintPage" at run time. This
script runs lupdate in lupdate's naming and stores the .ts in the run-time naming:

  lupdate.py update LUPDATE SOURCE_DIR   refresh the .ts files (new strings arrive unfinished: translate them)
  lupdate.py check LUPDATE SOURCE_DIR    fail if any string of ui/ or app/gui/, or any error or finding text marked
                                         in core/, lacks a finished zh_TW translation
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PREFIX = 'td::ui::'


def plain_contexts(src):
    """Contexts that are not Q_OBJECT classes of td::ui: Q_DECLARE_TR_FUNCTIONS names and translate() contexts."""
    # core's marked error and finding texts, and the provider modules' titles and hints (QT_TRANSLATE_NOOP)
    names = {'main', 'td::Error', 'td::Finding', 'td::Provider'}
    for path in list((src / 'ui').rglob('*.h')) + list((src / 'ui').rglob('*.cpp')) + list((src / 'app/gui').rglob('*.cpp')):
        names.update(re.findall(r'Q_DECLARE_TR_FUNCTIONS\((\w+)\)', path.read_text(encoding='utf-8')))
    return names


def rename_contexts(ts, fn):
    text = ts.read_text(encoding='utf-8')
    text = re.sub(r'<name>([^<]+)</name>', lambda m: '<name>' + fn(m.group(1)) + '</name>', text)
    ts.write_text(text, encoding='utf-8')


def run_lupdate(lupdate, src, ts):
    plain = plain_contexts(src)
    rename_contexts(ts, lambda n: n[len(PREFIX):] if n.startswith(PREFIX) else n)
    subprocess.run([lupdate, '-silent', '-no-obsolete', '-locations', 'none', '-extensions', 'cpp,h',
                    str(src / 'core'), str(src / 'ui'), str(src / 'app/gui'), '-ts', str(ts)], check=True, stderr=subprocess.DEVNULL)
    rename_contexts(ts, lambda n: n if n in plain or n.startswith(PREFIX) else PREFIX + n)


def missing(ts):
    bad = []
    for context in ET.parse(ts).getroot().iter('context'):
        for message in context.iter('message'):
            tr = message.find('translation')
            text = ''.join(tr.itertext()).strip() if tr is not None else ''
            if tr is None or tr.get('type') in ('unfinished', 'vanished', 'obsolete') or not text:
                bad.append(f"{context.findtext('name')}: {message.findtext('source')!r}")
    return bad


def main():
    mode, lupdate, src = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3]).resolve()
    files = sorted((src / 'resources/translations').glob('*.ts'))
    failed = False
    for ts in files:
        if mode == 'update':
            run_lupdate(lupdate, src, ts)
            print(f'{ts.name}: {len(missing(ts))} string(s) to translate')
            continue
        with tempfile.TemporaryDirectory() as work:
            copy = pathlib.Path(work) / ts.name
            shutil.copy(ts, copy)
            run_lupdate(lupdate, src, copy)
            bad = missing(copy)
        if bad:
            failed = True
            print(f'{ts.name}: {len(bad)} string(s) without a translation:')
            for b in bad[:300]:
                print('  ' + b)
        else:
            print(f'{ts.name}: every string is translated')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
