// SPDX-License-Identifier: MIT
#include "ui/mint/LiveKitGrantsBox.h"

#include "ui/common/Widgets.h"
#include "ui/mint/TriStateComboBox.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <utility>

namespace td::ui {
namespace {

using livekit::VideoGrant;

// The video grant's plain booleans and tri-states by JSON name (spec section 1.4).
const std::pair<const char16_t*, bool VideoGrant::*> kPlainGrants[] = {
    {u"roomJoin", &VideoGrant::roomJoin},     {u"roomAdmin", &VideoGrant::roomAdmin},
    {u"roomCreate", &VideoGrant::roomCreate}, {u"roomList", &VideoGrant::roomList},
    {u"roomRecord", &VideoGrant::roomRecord}, {u"ingressAdmin", &VideoGrant::ingressAdmin},
    {u"hidden", &VideoGrant::hidden},         {u"recorder", &VideoGrant::recorder},
    {u"agent", &VideoGrant::agent},
};
const std::pair<const char16_t*, std::optional<bool> VideoGrant::*> kTriGrants[] = {
    {u"canPublish", &VideoGrant::canPublish},
    {u"canSubscribe", &VideoGrant::canSubscribe},
    {u"canPublishData", &VideoGrant::canPublishData},
    {u"canUpdateOwnMetadata", &VideoGrant::canUpdateOwnMetadata},
    {u"canSubscribeMetrics", &VideoGrant::canSubscribeMetrics},
    {u"canManageAgentSession", &VideoGrant::canManageAgentSession},
};

QString key(const char16_t* name)
{
    return QString::fromUtf16(name);
}

} // namespace

LiveKitGrantsBox::LiveKitGrantsBox(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildVideoBox());
    layout->addWidget(buildOtherBox());
    m_checks.value(QStringLiteral("roomJoin"))->setChecked(true); // what nearly every token is for
}

QCheckBox* LiveKitGrantsBox::addCheck(const QString& objectName, const QString& text, const QString& toolTip)
{
    auto* box = new QCheckBox(text, this);
    QString accessible = text;
    accessible.remove(QLatin1Char('&'));
    name(box, objectName, accessible);
    box->setToolTip(toolTip);
    connect(box, &QCheckBox::toggled, this, [this] {
        if (!m_showing)
            Q_EMIT changed();
    });
    return box;
}

TriStateComboBox* LiveKitGrantsBox::addTriState(const QString& objectName, const QString& unsetMeaning)
{
    auto* combo = new TriStateComboBox(unsetMeaning, this);
    combo->setObjectName(objectName);
    connect(combo, &TriStateComboBox::valueChanged, this, [this] {
        if (!m_showing)
            Q_EMIT changed();
    });
    return combo;
}

QWidget* LiveKitGrantsBox::buildVideoBox()
{
    m_video = new QGroupBox(tr("&Video grant (joining and managing rooms)"), this);
    name(m_video, QStringLiteral("videoGroupBox"), tr("Video grant"));
    m_video->setCheckable(true);
    m_video->setChecked(true);
    m_video->setToolTip(tr("Without a video grant the token cannot join any room; it only serves server APIs."));
    connect(m_video, &QGroupBox::toggled, this, [this](bool on) {
        Q_EMIT videoGrantToggled(on);
        if (!m_showing)
            Q_EMIT changed();
    });

    auto* rooms = new QGridLayout;
    const struct {
        const char16_t* key;
        QString text;
        QString tip;
    } plain[] = {
        {u"roomJoin", tr("&Join the room"), tr("roomJoin: join the room named above")},
        {u"roomAdmin", tr("&Moderate the room"), tr("roomAdmin: mute, remove and update participants of that room")},
        {u"roomCreate", tr("Create and delete rooms"), tr("roomCreate")},
        {u"roomList", tr("List rooms"), tr("roomList")},
        {u"roomRecord", tr("Record and stream (Egress)"), tr("roomRecord: use the Egress APIs")},
        {u"ingressAdmin", tr("Manage ingresses"), tr("ingressAdmin: create and delete every ingress")},
        {u"hidden", tr("Hidden from other participants"), tr("hidden: other participants do not see this one")},
        {u"recorder", tr("Marked as a recorder"), tr("recorder: shown to others as a recording participant")},
        {u"agent", tr("May register as an agent worker"), tr("video.agent: may register as an Agents worker")},
    };
    int index = 0;
    for (const auto& p : plain) {
        const QString k = key(p.key);
        QString objectName = k + QStringLiteral("CheckBox");
        if (k == QStringLiteral("agent"))
            objectName = QStringLiteral("agentWorkerCheckBox"); // agentAdminCheckBox is the top-level agent grant
        m_checks.insert(k, addCheck(objectName, p.text, p.tip));
        rooms->addWidget(m_checks.value(k), index / 2, index % 2);
        ++index;
    }

    auto* tri = new QFormLayout;
    const struct {
        const char16_t* key;
        QString label;
        QString unset;
    } tristates[] = {
        {u"canPublish", tr("&Publish tracks:"), tr("default: yes")},
        {u"canSubscribe", tr("&Subscribe:"), tr("default: yes")},
        {u"canPublishData", tr("Publish &data:"), tr("default: same as Publish tracks")},
        {u"canUpdateOwnMetadata", tr("Update own name and metadata:"), tr("default: no")},
        {u"canSubscribeMetrics", tr("Subscribe to metrics:"), tr("default: no")},
        {u"canManageAgentSession", tr("Manage agent session:"), tr("default: no")},
    };
    for (const auto& t : tristates) {
        const QString k = key(t.key);
        auto* combo = addTriState(k + QStringLiteral("ComboBox"), t.unset);
        QString accessible = t.label;
        accessible.remove(QLatin1Char('&'));
        accessible.chop(1); // the colon
        combo->setAccessibleName(accessible);
        m_triStates.insert(k, combo);
        tri->addRow(t.label, combo);
    }

    auto* sources = new QHBoxLayout;
    const std::pair<QString, QString> sourceLabels[] = {
        {QStringLiteral("camera"), tr("Camera")},
        {QStringLiteral("microphone"), tr("Microphone")},
        {QStringLiteral("screen_share"), tr("Screen share")},
        {QStringLiteral("screen_share_audio"), tr("Screen share audio")},
    };
    for (const auto& [source, label] : sourceLabels) {
        // camera -> cameraSourceCheckBox, screen_share -> screenShareSourceCheckBox
        QString camel;
        for (const QString& part : source.split(QLatin1Char('_')))
            camel += camel.isEmpty() ? part : part.left(1).toUpper() + part.mid(1);
        auto* box = addCheck(camel + QStringLiteral("SourceCheckBox"), label, tr("canPublishSources: %1").arg(source));
        box->setAccessibleName(tr("Publish source %1").arg(label));
        m_sources.insert(source, box);
        sources->addWidget(box);
    }
    sources->addStretch(1);
    auto* sourcesNote =
        new QLabel(tr("None ticked: every source. Ticked ones narrow publishing to those sources."), this);
    sourcesNote->setWordWrap(true);

    m_destinationRoom = new QLineEdit(this);
    name(m_destinationRoom, QStringLiteral("destinationRoomLineEdit"), tr("Destination room"));
    m_destinationRoom->setPlaceholderText(tr("optional: a room this participant may be forwarded to"));
    connect(m_destinationRoom, &QLineEdit::textChanged, this, [this] {
        if (!m_showing)
            Q_EMIT changed();
    });

    auto* form = new QFormLayout;
    form->addRow(tr("Publish sources:"), sources);
    form->addRow(QString(), sourcesNote);
    form->addRow(tr("Destination room:"), m_destinationRoom);

    auto* layout = new QVBoxLayout(m_video);
    layout->addLayout(rooms);
    layout->addLayout(tri);
    layout->addLayout(form);
    return m_video;
}

QWidget* LiveKitGrantsBox::buildOtherBox()
{
    auto* box = new QGroupBox(tr("Other grants"), this);
    box->setObjectName(QStringLiteral("otherGrantsGroupBox"));
    const struct {
        QString key;
        QString objectName;
        QString text;
        QString tip;
    } others[] = {
        {QStringLiteral("sip.admin"), QStringLiteral("sipAdminCheckBox"), tr("SIP: administer"),
         tr("sip.admin: every SIP feature (trunks, dispatch rules)")},
        {QStringLiteral("sip.call"), QStringLiteral("sipCallCheckBox"), tr("SIP: place calls"),
         tr("sip.call: outbound calls")},
        {QStringLiteral("agent.admin"), QStringLiteral("agentAdminCheckBox"), tr("Agents: administer"),
         tr("agent.admin: create, update and delete Cloud Agents")},
        {QStringLiteral("agent.simulationAdmin"), QStringLiteral("agentSimulationAdminCheckBox"),
         tr("Agents: run simulations"), tr("agent.simulationAdmin")},
        {QStringLiteral("agent.databaseAdmin"), QStringLiteral("agentDatabaseAdminCheckBox"), tr("Agents: database"),
         tr("agent.databaseAdmin (newer than protocol v1.50.4)")},
        {QStringLiteral("inference.perform"), QStringLiteral("inferencePerformCheckBox"), tr("Inference"),
         tr("inference.perform: use LiveKit's LLM, STT and TTS inference")},
        {QStringLiteral("observability.write"), QStringLiteral("observabilityWriteCheckBox"),
         tr("Observability: write"), tr("observability.write: publish observability data")},
    };
    auto* grid = new QGridLayout(box);
    int index = 0;
    for (const auto& o : others) {
        m_checks.insert(o.key, addCheck(o.objectName, o.text, o.tip));
        grid->addWidget(m_checks.value(o.key), index / 2, index % 2);
        ++index;
    }
    return box;
}

bool LiveKitGrantsBox::hasVideoGrant() const
{
    return m_video->isChecked();
}

void LiveKitGrantsBox::fill(livekit::LiveKitClaims& claims) const
{
    const auto checked = [this](const QString& k) { return m_checks.value(k)->isChecked(); };
    if (m_video->isChecked()) {
        VideoGrant g;
        for (const auto& [k, member] : kPlainGrants)
            g.*member = checked(key(k));
        for (const auto& [k, member] : kTriGrants)
            g.*member = m_triStates.value(key(k))->value();
        for (const QString& source : livekit::publishSources()) {
            if (m_sources.value(source)->isChecked())
                g.canPublishSources << source;
        }
        g.destinationRoom = m_destinationRoom->text().trimmed();
        claims.video = g;
    } else {
        claims.video.reset();
    }
    const livekit::SipGrant sip{checked(QStringLiteral("sip.admin")), checked(QStringLiteral("sip.call"))};
    claims.sip = sip.admin || sip.call ? std::optional(sip) : std::nullopt;
    const livekit::AgentGrant agent{checked(QStringLiteral("agent.admin")),
                                    checked(QStringLiteral("agent.simulationAdmin")),
                                    checked(QStringLiteral("agent.databaseAdmin"))};
    claims.agent = agent.admin || agent.simulationAdmin || agent.databaseAdmin ? std::optional(agent) : std::nullopt;
    claims.inferencePerform = checked(QStringLiteral("inference.perform")) ? std::optional(true) : std::nullopt;
    claims.observabilityWrite = checked(QStringLiteral("observability.write")) ? std::optional(true) : std::nullopt;
}

void LiveKitGrantsBox::show(const livekit::LiveKitClaims& claims)
{
    m_showing = true;
    const VideoGrant g = claims.video.value_or(VideoGrant{});
    m_video->setChecked(claims.video.has_value());
    for (const auto& [k, member] : kPlainGrants)
        m_checks.value(key(k))->setChecked(g.*member);
    for (const auto& [k, member] : kTriGrants)
        m_triStates.value(key(k))->setValue(g.*member);
    for (auto it = m_sources.begin(); it != m_sources.end(); ++it)
        it.value()->setChecked(g.canPublishSources.contains(it.key()));
    m_destinationRoom->setText(g.destinationRoom);
    const livekit::SipGrant sip = claims.sip.value_or(livekit::SipGrant{});
    m_checks.value(QStringLiteral("sip.admin"))->setChecked(sip.admin);
    m_checks.value(QStringLiteral("sip.call"))->setChecked(sip.call);
    const livekit::AgentGrant agent = claims.agent.value_or(livekit::AgentGrant{});
    m_checks.value(QStringLiteral("agent.admin"))->setChecked(agent.admin);
    m_checks.value(QStringLiteral("agent.simulationAdmin"))->setChecked(agent.simulationAdmin);
    m_checks.value(QStringLiteral("agent.databaseAdmin"))->setChecked(agent.databaseAdmin);
    m_checks.value(QStringLiteral("inference.perform"))->setChecked(claims.inferencePerform.value_or(false));
    m_checks.value(QStringLiteral("observability.write"))->setChecked(claims.observabilityWrite.value_or(false));
    m_showing = false;
}

} // namespace td::ui
