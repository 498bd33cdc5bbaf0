// SPDX-License-Identifier: MIT
#include "ui/mint/TriStateComboBox.h"

namespace td::ui {
namespace {

// Item data: -1 unset, 1 yes, 0 no.
constexpr int kUnset = -1;

} // namespace

TriStateComboBox::TriStateComboBox(const QString& unsetMeaning, QWidget* parent) : QComboBox(parent)
{
    addItem(tr("unset (%1)").arg(unsetMeaning), kUnset);
    addItem(tr("yes"), 1);
    addItem(tr("no"), 0);
    setToolTip(tr("Unset leaves the claim out of the token, so LiveKit applies its default: %1.").arg(unsetMeaning));
    connect(this, &QComboBox::currentIndexChanged, this, &TriStateComboBox::valueChanged);
}

std::optional<bool> TriStateComboBox::value() const
{
    const int v = currentData().toInt();
    if (v == kUnset)
        return std::nullopt;
    return v == 1;
}

void TriStateComboBox::setValue(std::optional<bool> value)
{
    setCurrentIndex(findData(value ? (*value ? 1 : 0) : kUnset));
}

} // namespace td::ui
