// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/Provider.h"

#include <QString>

#include <functional>

class QMenu;

namespace td::ui {

/** The provider as people call it: "LiveKit", "ZEGOCLOUD", "JaaS (8x8)", "Jitsi (self-hosted)". */
QString providerTitle(Provider provider);
/** What identifies a profile's credentials in a list: the LiveKit API key, else the AppID. Never a secret. */
QString profileIdentity(Provider provider, const QString& apiKey, const QString& appId);
/** Where the provider's credentials are found, shown above its fields. */
QString providerHint(Provider provider);

/** The label of a profile form field ("appId", "privateKey", ...) with its mnemonic, in the provider's words. */
QString fieldLabel(const QString& field, Provider provider);
/** Example text for an empty field, in the provider's format; "" when there is none. */
QString fieldPlaceholder(const QString& field, Provider provider);
/**
 * One "<Provider>…" entry per provider in `menu` (icon and title), named "<prefix><Provider>Action"
 * ("addLivekitAction"); choosing one calls `chosen` with its provider. The Profiles page's and the welcome view's
 * "Add a profile" menus.
 */
void addProviderActions(QMenu* menu, const QString& objectPrefix, const std::function<void(Provider)>& chosen);
/** The form field a finding code of validateProfile belongs under ("app-id" -> "appId"); "" for none. */
QString fieldOfFinding(const QString& code);

} // namespace td::ui
