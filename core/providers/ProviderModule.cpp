// SPDX-License-Identifier: MIT
#include "core/providers/ProviderModule.h"

namespace td {

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
