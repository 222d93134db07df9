// The generated error table: names, messages and classes agree with the spec's rules.
#include "helpers.hpp"

TEST_CASE("Simple's seven coarse codes keep their numbers", "[errors]") {
    CHECK(UN_ERR_ERROR == -1);
    CHECK(UN_ERR_REFUSED == -2);
    CHECK(UN_ERR_RESET == -3);
    CHECK(UN_ERR_TIMED_OUT == -4);
    CHECK(UN_ERR_IO == -5);
    CHECK(UN_ERR_NOT_CONNECTED == -6);
    CHECK(UN_ERR_ALREADY_CONNECTED == -7);
    for (int64_t c = -1; c >= -7; --c) {
        CHECK(un_error_class(c) == c);
    }
}

TEST_CASE("every code has a name, a message and a coarse class", "[errors]") {
    int known = 0;
    for (int64_t c = -1; c >= -200; --c) {
        const std::string name = un_error_name(c);
        if (name == "UNKNOWN") {
            CHECK(std::string(un_strerror(c)) == "unknown error code");
            continue;
        }
        ++known;
        INFO(name);
        CHECK(std::string(un_strerror(c)).size() > 8);
        CHECK(un_error_class(c) <= -1);
        CHECK(un_error_class(c) >= -7);
    }
    // Exactly the spec's codes (retired ones keep their names), no more, no fewer.
    std::ifstream spec_file(URINGNET_SPEC_PATH);
    REQUIRE(spec_file.good());
    const auto spec = nlohmann::json::parse(spec_file);
    CHECK(known == static_cast<int>(spec["errors"].size()));
    for (const auto &e : spec["errors"]) {
        INFO(e["name"]);
        CHECK(std::string(un_error_name(e["code"].get<int64_t>())) == e["name"].get<std::string>());
    }
    CHECK(std::string(un_error_name(0)) == "OK");
    CHECK(un_error_class(5) == 0);
    CHECK(std::string(un_error_name(UN_ERR_CONNECTION_REFUSED)) == "CONNECTION_REFUSED");
    CHECK(un_error_class(UN_ERR_CONNECTION_REFUSED) == UN_ERR_REFUSED);
    CHECK(un_error_class(UN_ERR_BROKEN_PIPE) == UN_ERR_RESET);
}
