// SPDX-License-Identifier: MIT
#include "core/providers/ProviderModule.h"

#include "core/crypto/Pem.h"
#include "core/inspect/TokenInspector.h"

namespace td {

Result<crypto::RsaPrivateKey> profilePrivateKey(const ProfileSecrets& secrets)
{
    const QByteArray pem = secrets.value(QStringLiteral("privateKey"));
    if (pem.isEmpty())
        return fail(ErrorCode::EmptyKey, QT_TRANSLATE_NOOP("td::Error", "the profile has no private key"));
    auto key = crypto::loadRsaPrivateKey(pem, secrets.value(QStringLiteral("privateKeyPassphrase")));
    if (!key)
        return fail(key.error().in(QStringLiteral("the profile's private key: ")));
    return key;
}

QString ProviderModule::fieldPlaceholder(const QString& /*field*/) const
{
    return {};
}

QList<Finding> ProviderModule::profileFindings(const QJsonObject& /*payload*/, const credentials::Profile& /*profile*/,
                                               QList<Finding>& /*inspected*/) const
{
    return {};
}

QString ProviderModule::joinLink(const mint::MintPlan& /*plan*/, const credentials::Profile& /*profile*/,
                                 const QByteArray& /*token*/) const
{
    return {};
}

Result<Inspection> ProviderModule::inspectText(QByteArrayView /*token*/, const VerifyCredentials& /*c*/,
                                               qint64 /*now*/) const
{
    return fail(ErrorCode::NotApplicable, QStringLiteral("%1 tokens are JWTs").arg(name()));
}

int ProviderModule::recognises(const jwt::DecodedJwt& /*token*/) const
{
    return 0;
}

std::optional<jwt::Algorithm> ProviderModule::inspectJwt(const jwt::DecodedJwt& /*token*/,
                                                         const VerifyCredentials& /*c*/, Inspection& /*out*/) const
{
    return std::nullopt;
}

} // namespace td
