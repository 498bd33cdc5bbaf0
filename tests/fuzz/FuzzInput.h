// SPDX-License-Identifier: MIT
// Shared by the libFuzzer targets: the input as Qt types, and the entry points every target defines.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace td::fuzz {

/** A view of the fuzzer's bytes (no copy; valid for the call). */
inline QByteArrayView view(const uint8_t* data, size_t size)
{
    return {reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)};
}

/** A copy, for APIs that take a QByteArray. */
inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return view(data, size).toByteArray();
}

} // namespace td::fuzz
