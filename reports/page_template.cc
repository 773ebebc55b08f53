// RenderTemplate over kainjow::mustache; see page_template.h.
#include "reports/page_template.h"

#include <kainjow/mustache.hpp>
#include <map>
#include <stdexcept>

namespace thmcheck::report {
namespace {

using kainjow::mustache::data;

data ToData(const nlohmann::json& value, std::string_view name) {
  switch (value.type()) {
    case nlohmann::json::value_t::string: {
      const std::string& text = value.get_ref<const std::string&>();
      return text.empty() ? data(false) : data(text);
    }
    case nlohmann::json::value_t::boolean:
      return data(value.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return data(value.dump());
    case nlohmann::json::value_t::array: {
      data list(data::type::list);
      for (const nlohmann::json& item : value) list.push_back(ToData(item, name));
      return list;
    }
    case nlohmann::json::value_t::object: {
      data object(data::type::object);
      for (const auto& [key, item] : value.items()) object.set(key, ToData(item, name));
      return object;
    }
    case nlohmann::json::value_t::null:
      return data(false);
    default:
      throw std::logic_error("template " + std::string(name) +
                             ": the view holds an unformatted number " + value.dump());
  }
}

// Every template by name, each also a partial ({{> badge}}).
const std::map<std::string, data, std::less<>>& Templates() {
  static const std::map<std::string, data, std::less<>> templates = [] {
    std::map<std::string, data, std::less<>> out;
    for (const TemplateSource& source : TemplateSources())
      out.emplace(source.name, data(std::string(source.text)));
    return out;
  }();
  return templates;
}

// Partials come from the templates only, never from the view: a view key that happens to share
// a template's name ("badge") must not hide the template inside that key's section.
class PageContext : public kainjow::mustache::context<std::string> {
 public:
  explicit PageContext(const data* view) : context(view) {}
  const data* get_partial(const std::string& name) const override {
    const auto it = Templates().find(name);
    return it == Templates().end() ? nullptr : &it->second;
  }
};

}  // namespace

std::string RenderTemplate(std::string_view name, const nlohmann::json& view) {
  const auto source = Templates().find(name);
  if (source == Templates().end()) throw std::logic_error("no template named " + std::string(name));
  const data root = view.is_object() ? ToData(view, name) : data(data::type::object);
  kainjow::mustache::mustache page{source->second.string_value()};
  PageContext context(&root);
  std::string html = page.is_valid() ? page.render(context) : "";
  if (!page.is_valid()) {
    throw std::logic_error("template " + std::string(name) + ": " + page.error_message());
  }
  return html;
}

}  // namespace thmcheck::report
