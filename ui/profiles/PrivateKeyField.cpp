// SPDX-License-Identifier: MIT
#include "ui/profiles/PrivateKeyField.h"

#include "core/credentials/ProfileSecrets.h"
#include "core/crypto/Pem.h"
#include "ui/common/Dialogs.h"
#include "ui/common/Widgets.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTimer>

namespace td::ui {
namespace {

// A PEM key is a few kilobytes; anything far larger was picked by mistake.
constexpr qint64 kMaxKeyFileSize = qint64(256) * 1024;

QString localFile(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1)
        return {};
    const QUrl url = mime->urls().constFirst();
    return url.isLocalFile() ? url.toLocalFile() : QString();
}

} // namespace

PrivateKeyField::PrivateKeyField(Dialogs& dialogs, QWidget* parent)
    : QWidget(parent), m_dialogs(dialogs), m_edit(new QLineEdit(this)),
      m_choose(new QPushButton(tr("Choose &file…"), this)), m_decrypt(new QPushButton(tr("Decr&ypt…"), this))
{
    name(m_edit, QStringLiteral("privateKeyLineEdit"), tr("Private key (PEM)"));
    m_edit->setPlaceholderText(tr("Paste the PEM, drop the key file here, or choose the file"));
    m_edit->setToolTip(tr("An RSA private key of at least 2048 bits, in any PEM form; an encrypted key is decrypted "
                          "with its passphrase before it is stored"));
    addRevealToggle(m_edit);
    m_edit->installEventFilter(this);
    name(m_choose, QStringLiteral("chooseKeyFilePushButton"), tr("Choose the private key file"));
    name(m_decrypt, QStringLiteral("decryptKeyPushButton"), tr("Decrypt the private key with its passphrase"));
    m_decrypt->setVisible(false);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_choose);
    layout->addWidget(m_decrypt);
    setFocusProxy(m_edit);

    connect(m_edit, &QLineEdit::textChanged, this, &PrivateKeyField::onTextChanged);
    connect(m_choose, &QPushButton::clicked, this, &PrivateKeyField::chooseFile);
    connect(m_decrypt, &QPushButton::clicked, this, &PrivateKeyField::decrypt);
}

QByteArray PrivateKeyField::pem() const
{
    return m_edit->text().toUtf8();
}

void PrivateKeyField::setPem(const QByteArray& pem)
{
    m_edit->setText(QString::fromUtf8(pem));
}

bool PrivateKeyField::loadFile(const QString& path)
{
    QFile file(path);
    if (file.size() > kMaxKeyFileSize) {
        m_dialogs.error(this, tr("Private key"), tr("%1 is too large to be a PEM key.").arg(path));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_dialogs.error(this, tr("Private key"), tr("%1 cannot be read: %2").arg(path, file.errorString()));
        return false;
    }
    setPem(file.readAll());
    m_edit->setFocus(Qt::OtherFocusReason);
    return true;
}

void PrivateKeyField::decrypt()
{
    const QString text = m_edit->text();
    m_offeredFor = text;
    std::optional<QString> passphrase = m_dialogs.passphrase(
        this, tr("This private key is encrypted. Enter its passphrase: the key is stored decrypted in the secret "
                 "store, which protects it from then on."));
    if (!passphrase)
        return;
    QByteArray bytes = passphrase->toUtf8();
    passphrase->fill(QChar(0));
    auto stored = credentials::privateKeyForStorage(text.toUtf8(), bytes);
    bytes.fill(0);
    if (!stored) {
        m_decryptError = stored.error().localized();
        Q_EMIT changed();
        return;
    }
    setPem(*stored);
}

void PrivateKeyField::onTextChanged()
{
    m_decryptError.clear();
    m_loadError.reset();
    const QString text = m_edit->text();
    if (!text.trimmed().isEmpty()) {
        if (auto key = crypto::loadRsaPrivateKey(text.toUtf8()); !key)
            m_loadError = key.error().code;
    }
    const bool encrypted = m_loadError == ErrorCode::KeyEncrypted;
    m_decrypt->setVisible(encrypted);
    if (encrypted && text != m_offeredFor) {
        // Asked once the paste, drop or pick has finished, not from inside the text change.
        QTimer::singleShot(0, this, [this, text] {
            if (m_edit->text() == text && m_loadError == ErrorCode::KeyEncrypted && m_offeredFor != text)
                decrypt();
        });
    }
    Q_EMIT changed();
}

void PrivateKeyField::chooseFile()
{
    const QString path =
        m_dialogs.openFileName(this, tr("Choose the private key"), tr("PEM keys (*.pem *.key *.p8);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

bool PrivateKeyField::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit) {
        switch (event->type()) {
        case QEvent::DragEnter:
        case QEvent::DragMove: {
            auto* drag = static_cast<QDragMoveEvent*>(event);
            if (!localFile(drag->mimeData()).isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
            break;
        }
        case QEvent::Drop: {
            auto* drop = static_cast<QDropEvent*>(event);
            const QString path = localFile(drop->mimeData());
            if (!path.isEmpty()) {
                drop->acceptProposedAction();
                loadFile(path);
                return true;
            }
            break;
        }
        default: break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace td::ui
