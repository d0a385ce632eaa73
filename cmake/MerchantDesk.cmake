# Small helpers shared by every CMakeLists.txt of the project.

# md_sources(TARGET file...): adds sources to a target and remembers their absolute paths so that
# lupdate sees every translatable string of the project, whichever target it is compiled into.
function(md_sources target)
    target_sources(${target} PRIVATE ${ARGN})
    foreach(file IN LISTS ARGN)
        get_filename_component(abs "${file}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
        if(abs MATCHES "\\.(cpp|h|ui)$")
            set_property(GLOBAL APPEND PROPERTY MD_TRANSLATABLE_SOURCES "${abs}")
        endif()
    endforeach()
endfunction()
