# Compiles the report's page templates into the library (cmake -P; run at build time whenever a
# template changes): OUT = a C++ source defining report::TemplateSources(), one entry per
# DIR/*.mustache named by its stem. The report then needs no file beside the binary to render.
# A template's final newline is dropped, so an inline partial ({{> badge}}) adds no space.
file(GLOB templates ${DIR}/*.mustache)
list(SORT templates)
set(entries "")
foreach(path ${templates})
  get_filename_component(name ${path} NAME_WE)
  file(READ ${path} text)
  string(REGEX REPLACE "\n$" "" text "${text}")
  string(FIND "${text}" ")mustache\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${path}: contains )mustache\", the raw-string delimiter")
  endif()
  string(APPEND entries "      {\"${name}\", R\"mustache(${text})mustache\"},\n")
endforeach()
file(WRITE ${OUT}.tmp
"// Generated from reports/templates/*.mustache by cmake/EmbedTemplates.cmake; do not edit.
#include \"reports/page_template.h\"

namespace thmcheck::report {

const std::vector<TemplateSource>& TemplateSources() {
  static const std::vector<TemplateSource> kSources = {
${entries}  };
  return kSources;
}

}  // namespace thmcheck::report
")
# Rewrite only on change, so an unchanged template rebuilds nothing.
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
file(REMOVE ${OUT}.tmp)
