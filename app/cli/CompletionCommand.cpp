// SPDX-License-Identifier: MIT
#include "app/cli/CompletionCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "app/cli/CompletionScripts.h"

namespace td::cli {
namespace {

// QCommandLineParser adds it to every command.
constexpr OptionSpec kHelp = flag("help", "Displays help on commandline options.");

QList<OptionSpec> withHelp(QList<OptionSpec> options)
{
    options << kHelp;
    return options;
}

/** The node at `path`, added when it is not there yet. */
CompletionNode& nodeAt(QList<CompletionNode>& tree, const QString& path)
{
    for (CompletionNode& n : tree) {
        if (n.path == path)
            return n;
    }
    return tree.emplace_back(CompletionNode{path, {}, {}, Complete::Nothing, {}});
}

/** profile add, profile show, ...: each action with the options that matter to it. */
void addActions(const CommandSpec& spec, const QString& path, QList<CompletionNode>& tree)
{
    for (const ActionSpec& a : spec.actions) {
        CompletionNode node{path + QLatin1Char(' ') + a.name, {}, {}, a.argument, {}};
        for (const OptionSpec& o : spec.options) {
            if (a.options.contains(QLatin1String(o.name)))
                node.options << o;
        }
        node.options << kHelp;
        tree << node;
        nodeAt(tree, path).children << std::pair{a.name, a.summary};
    }
}

} // namespace

QList<CompletionNode> completionTree()
{
    QList<CompletionNode> tree{{QString(), {}, {kHelp, flag("version", "Displays version information.")}, {}, {}}};
    for (const CommandEntry& entry : commands()) {
        const QStringList words = entry.words();
        const CommandSpec spec = entry.make()->spec();
        if (words.size() == 2 && nodeAt(tree, words.first()).children.isEmpty())
            nodeAt(tree, QString()).children << std::pair{words.first(), QStringLiteral("mint a token")};
        nodeAt(tree, words.size() == 2 ? words.first() : QString()).children << std::pair{words.last(), entry.summary};
        CompletionNode& node = nodeAt(tree, entry.path);
        node.options = withHelp(spec.options);
        if (const PositionalSpec* p = spec.positionals.isEmpty() ? nullptr : &spec.positionals.first()) {
            node.argument = p->complete;
            node.argumentChoices =
                QString::fromLatin1(p->choices ? p->choices : "").split(QLatin1Char(' '), Qt::SkipEmptyParts);
        }
        addActions(spec, entry.path, tree);
    }
    return tree;
}

QString completionWords(Complete complete, const QStringList& choices)
{
    switch (complete) {
    case Complete::File: return QStringLiteral("@file");
    case Complete::Directory: return QStringLiteral("@directory");
    case Complete::ProfileName: return QStringLiteral("@profile");
    case Complete::Choice: return choices.join(QLatin1Char(' '));
    case Complete::Nothing: break;
    }
    return {};
}

QString shellQuoted(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QStringList optionNames(const CompletionNode& node, bool (*keep)(const OptionSpec&))
{
    QStringList names;
    for (const OptionSpec& o : node.options) {
        if (keep(o))
            names << o.longName();
    }
    return names;
}

QString valueCases(const QList<CompletionNode>& tree, const QString& line)
{
    QString out;
    for (const CompletionNode& node : tree) {
        for (const OptionSpec& o : node.options) {
            const QString words = completionWords(o.complete, o.choiceList());
            if (o.takesValue() && !words.isEmpty())
                out += line.arg(shellQuoted(QString(node.path + QLatin1Char(' ') + o.longName()).trimmed()),
                                shellQuoted(words));
        }
    }
    return out;
}

CommandSpec CompletionCommand::spec() const
{
    return {QStringLiteral("Print a shell completion script: source it, or install it where the shell looks.\n"
                           "  bash: /usr/share/bash-completion/completions/tokendesk-cli\n"
                           "  zsh:  a directory of $fpath, as _tokendesk-cli\n"
                           "  fish: ~/.config/fish/completions/tokendesk-cli.fish"),
            {{"shell", "bash, zsh or fish.", Complete::Choice, "bash zsh fish"}},
            {},
            {}};
}

int CompletionCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    if (auto stop = parseCommand(parser, spec(), args, context))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    const QString shell = positional.value(0);
    if (positional.size() != 1 ||
        (shell != QStringLiteral("bash") && shell != QStringLiteral("zsh") && shell != QStringLiteral("fish")))
        return context.error(ExitUsage, QStringLiteral("completion takes bash, zsh or fish"));
    const QList<CompletionNode> tree = completionTree();
    context.out() << (shell == QStringLiteral("bash")  ? bashCompletion(tree)
                      : shell == QStringLiteral("zsh") ? zshCompletion(tree)
                                                       : fishCompletion(tree));
    context.out().flush();
    return ExitOk;
}

} // namespace td::cli
