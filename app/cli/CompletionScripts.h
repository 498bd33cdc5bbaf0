// SPDX-License-Identifier: MIT
// The completion scripts, each made from the same tree of commands, options and arguments.
#pragma once

#include "app/cli/OptionSpec.h"

#include <QList>
#include <QString>

namespace td::cli {

/** A point in the command line a shell completes at: the words after the program name that lead to it. */
struct CompletionNode {
    QString path; // "", "mint", "mint livekit", "profile add"
    /** The words that may come next (sub-commands, actions), with their summaries. */
    QList<std::pair<QString, QString>> children;
    QList<OptionSpec> options;
    /** The first positional argument after the path. */
    Complete argument = Complete::Nothing;
    QStringList argumentChoices;
};

/** Every node, the program itself ("") first; made from the command table and each command's spec. */
QList<CompletionNode> completionTree();

/** "@file", "@directory", "@profile", the choices space-separated, or "" (free text). */
QString completionWords(Complete complete, const QStringList& choices);
/** The text in single quotes for bash and zsh. */
QString shellQuoted(const QString& text);
/** The --names of the node's options that `keep` accepts. */
QStringList optionNames(const CompletionNode& node, bool (*keep)(const OptionSpec&));
/** One `line` per option that takes a value with something to complete: %1 "path --option" quoted, %2 its words. */
QString valueCases(const QList<CompletionNode>& tree, const QString& line);

QString bashCompletion(const QList<CompletionNode>& tree);
QString zshCompletion(const QList<CompletionNode>& tree);
QString fishCompletion(const QList<CompletionNode>& tree);

} // namespace td::cli
