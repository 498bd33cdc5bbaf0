# SPDX-License-Identifier: MIT
# tokendesk_common: the language standard, warnings and Qt defines every target shares.
set(CMAKE_CXX_STANDARD 23)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_AUTOMOC ON)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

add_library(tokendesk_common INTERFACE)
target_compile_features(tokendesk_common INTERFACE cxx_std_23)
target_compile_options(tokendesk_common INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual
    -Wformat=2 -Wimplicit-fallthrough)
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 19)
    # libstdc++ 12 hides std::expected unless __cpp_concepts >= 202002L; clang 16 implements what <expected> needs
    # (P0848) but still reports 201907L. The fuzz/sanitizer build and clang-tidy use clang 16 from Debian 12.
    if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 16)
        message(FATAL_ERROR "clang ${CMAKE_CXX_COMPILER_VERSION} cannot build TokenDesk (std::expected); use clang-16")
    endif()
    target_compile_options(tokendesk_common INTERFACE -U__cpp_concepts -D__cpp_concepts=202002L)
endif()
if(TOKENDESK_WERROR)
    target_compile_options(tokendesk_common INTERFACE -Werror)
endif()
target_compile_definitions(tokendesk_common INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_NO_KEYWORDS QT_USE_QSTRINGBUILDER
    TOKENDESK_VERSION="${PROJECT_VERSION}")
target_include_directories(tokendesk_common INTERFACE "${PROJECT_SOURCE_DIR}")

# Precompiled headers for the targets with many translation units (the libraries and tokendesk-cli); a test is one
# file, where a header of its own would cost more than it saves. KIND is core or widgets. Sources still include
# what they use: the precompiled header only makes parsing cheaper.
function(tokendesk_precompile target kind)
    if(NOT TOKENDESK_PCH)
        return()
    endif()
    set(headers <algorithm> <expected> <functional> <memory> <optional> <variant> <vector>
        <QByteArray> <QDateTime> <QFile> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QJsonValue> <QList>
        <QRegularExpression> <QString> <QStringList> <QUrl>)
    if(kind STREQUAL "widgets")
        list(APPEND headers <QCheckBox> <QComboBox> <QFormLayout> <QGroupBox> <QHBoxLayout> <QHeaderView> <QLabel>
             <QLineEdit> <QListWidget> <QPlainTextEdit> <QPushButton> <QTableWidget> <QTimer> <QVBoxLayout> <QWidget>)
    endif()
    target_precompile_headers(${target} PRIVATE ${headers})
endfunction()

# Uses another target's precompiled header (same flags), instead of compiling one more.
function(tokendesk_reuse_precompiled target from)
    if(TOKENDESK_PCH)
        target_precompile_headers(${target} REUSE_FROM ${from})
    endif()
endfunction()
