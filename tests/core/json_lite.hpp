// json_lite.hpp — just enough JSON to read the generated golden files (objects, arrays, numbers,
// strings without escapes beyond \" and \\, true/false/null) without a library dependency.
#pragma once

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace json_lite {

struct Value {
    enum class Type { null, boolean, number, string, array, object } type = Type::null;
    double number = 0;
    std::string text;
    std::vector<Value> items;
    std::map<std::string, Value> fields;

    // The field named key; throws if absent, so a missing reference value fails loudly.
    const Value& operator[](const std::string& key) const {
        auto it = fields.find(key);
        if (it == fields.end()) throw std::runtime_error("json: no field " + key);
        return it->second;
    }
    bool has(const std::string& key) const { return fields.count(key) > 0; }
    // An array of numbers as floats (the golden files' floats round-trip in float32).
    std::vector<float> floats() const {
        std::vector<float> out;
        for (const Value& v : items) out.push_back(static_cast<float>(v.number));
        return out;
    }
};

class Parser {
  public:
    explicit Parser(const std::string& s) : s_(s) {}

    Value parse() {
        space();
        Value v;
        const char c = s_.at(i_);
        if (c == '{') {
            v.type = Value::Type::object;
            ++i_;
            while (more('}')) {
                const std::string key = string();
                space();
                expect(':');
                v.fields[key] = parse();
            }
        } else if (c == '[') {
            v.type = Value::Type::array;
            ++i_;
            while (more(']')) v.items.push_back(parse());
        } else if (c == '"') {
            v.type = Value::Type::string;
            v.text = string();
        } else if (s_.compare(i_, 4, "true") == 0 || s_.compare(i_, 5, "false") == 0) {
            v.type = Value::Type::boolean;
            v.number = s_[i_] == 't';
            i_ += s_[i_] == 't' ? 4 : 5;
        } else if (s_.compare(i_, 4, "null") == 0) {
            i_ += 4;
        } else {
            char* end = nullptr;
            v.type = Value::Type::number;
            v.number = std::strtod(s_.c_str() + i_, &end);
            if (end == s_.c_str() + i_) throw std::runtime_error("json: bad value at " + std::to_string(i_));
            i_ = static_cast<std::size_t>(end - s_.c_str());
        }
        space();
        return v;
    }

  private:
    void space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
    }
    void expect(char c) {
        if (s_.at(i_) != c) throw std::runtime_error(std::string("json: expected ") + c);
        ++i_;
    }
    // Before the next element of an object/array: false (and consumed) at its closing bracket.
    bool more(char close) {
        space();
        if (s_.at(i_) == ',') ++i_, space();
        if (s_.at(i_) != close) return true;
        ++i_;
        return false;
    }
    std::string string() {
        expect('"');
        std::string out;
        while (s_.at(i_) != '"') {
            if (s_[i_] == '\\') ++i_;
            out += s_.at(i_++);
        }
        ++i_;
        return out;
    }

    const std::string& s_;
    std::size_t i_ = 0;
};

// Parses a whole file; throws std::runtime_error if it cannot be read.
inline Value read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("json: cannot read " + path);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return Parser(text).parse();
}

}  // namespace json_lite
