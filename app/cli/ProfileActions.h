// SPDX-License-Identifier: MIT
// The actions of tokendesk-cli profile, one function each (ProfileCommand dispatches to them).
#pragma once

#include "app/cli/OptionSpec.h"
#include "core/Error.h"
#include "core/credentials/Profile.h"
#include "core/crypto/SecretBytes.h"

namespace td::credentials {
class ProfileStore;
}

namespace td::cli {

class CliContext;

/** What an action works with: the parsed command line (positional[0] is the action) and the stores. */
struct ProfileRequest {
    const QCommandLineParser& parser;
    CliContext& context;
    QStringList positional;
    credentials::ProfileStore& store;
};

int listProfiles(const ProfileRequest& request);
int showProfile(const ProfileRequest& request);
int addProfile(const ProfileRequest& request);
int editProfile(const ProfileRequest& request);
int removeProfile(const ProfileRequest& request);
int importProfiles(const ProfileRequest& request);
int exportProfiles(const ProfileRequest& request);

// ProfileFlags.cpp: the profile's fields and secrets as flags.

/** --provider, the field flags, the secret flags (value, -env, -file), --passphrase-file, --domain-verification. */
QList<OptionSpec> profileFieldOptions();
/** The field flags given, over `profile`'s fields; --domain-verification on|off too. */
Result<void> applyFieldFlags(const QCommandLineParser& parser, credentials::Profile& profile);
/** Secrets given on the command line, by field; an encrypted private key is decrypted before it is stored. */
Result<crypto::SecretMap> secretsFromFlags(const QCommandLineParser& parser, CliContext& context);
/** Prints the validation findings (and a key's fingerprint) on stderr. */
void printFindings(const credentials::ProfileCheck& check, CliContext& context);

} // namespace td::cli
