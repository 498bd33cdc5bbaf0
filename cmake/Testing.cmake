# SPDX-License-Identifier: MIT
# tokendesk_add_test(NAME SOURCES... LIBS...): one Qt Test executable per class, run offscreen in C.UTF-8.
function(tokendesk_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE tokendesk_common tokendesk_test_support Qt6::Test ${ARG_LIBS})
    # Tests build byte arrays inline; QStringBuilder's lazy expressions do not convert to QByteArrayView.
    target_compile_options(${name} PRIVATE -UQT_USE_QSTRINGBUILDER)
    add_test(NAME ${name} COMMAND ${name})
    set(labels unit)
    if(ARG_LABELS)
        set(labels ${ARG_LABELS})
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${labels}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;TOKENDESK_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data;TOKENDESK_SHARED_DIR=${PROJECT_SOURCE_DIR}/../shared")
endfunction()
