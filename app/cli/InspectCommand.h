// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/Command.h"

#include <QByteArray>

namespace td {
struct Inspection;
struct VerifyCredentials;
} // namespace td

namespace td::cli {

/** tokendesk-cli decode and verify */
class InspectCommand final : public Command {
public:
    /** verify: credentials are expected and a token that fails them exits 1. */
    explicit InspectCommand(bool verify) : m_verify(verify) {}
    CommandSpec spec() const override;
    int run(const QStringList& args, CliContext& context) override;

private:
    /** Verifies with the credentials that fit the token `first` found it to be. */
    int verify(const Inspection& first, const QByteArray& text, const QCommandLineParser& parser,
               VerifyCredentials& creds, CliContext& context) const;

    bool m_verify;
};

} // namespace td::cli
