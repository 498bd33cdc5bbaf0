// SPDX-License-Identifier: MIT
// CSV: the streaming reader (delimiter detection, quotes, BOM, CRLF, invalid UTF-8) and the batch rows read from it
// or from JSON, each planned for every provider's profile (list, object and boolean cells). First byte: bit 0 = the
// rest is batch JSON rather than CSV.
#include "core/batch/BatchRow.h"
#include "core/batch/RowIo.h"
#include "core/credentials/Profile.h"
#include "core/csv/Csv.h"
#include "tests/fuzz/FuzzInput.h"

#include <QBuffer>

using namespace td;

namespace {

QList<credentials::Profile> profiles()
{
    QList<credentials::Profile> out;
    for (Provider provider : {Provider::LiveKit, Provider::Zego, Provider::Jaas, Provider::Jitsi}) {
        credentials::Profile p;
        p.name = providerName(provider);
        p.provider = provider;
        p.apiKey = QStringLiteral("APIfuzz");
        p.appId = provider == Provider::Zego ? QStringLiteral("1234567890") : QStringLiteral("fuzz-app");
        p.keyId = QStringLiteral("fuzz-app/kid");
        p.subject = QStringLiteral("meet.example.com");
        p.serverUrl = QStringLiteral("wss://fuzz.example.com");
        out << p;
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    static const QList<credentials::Profile> kProfiles = profiles();
    QByteArray text = fuzz::bytes(data + 1, size - 1);
    const bool json = data[0] & 1;
    if (!json)
        (void)csv::parseText(text);

    QBuffer device(&text);
    device.open(QIODevice::ReadOnly);
    auto reader = batch::openRowReader(device, json ? batch::Format::Json : batch::Format::Csv);
    if (!reader)
        return 0;
    batch::RowDefaults defaults;
    defaults.ttlSeconds = 600;
    defaults.room = QStringLiteral("fuzz-room");
    for (int rows = 0; rows < 64; ++rows) {
        auto row = (*reader)->next();
        if (!row || !*row)
            break;
        for (const credentials::Profile& profile : kProfiles)
            (void)batch::planForRow(**row, profile, defaults);
    }
    return 0;
}
