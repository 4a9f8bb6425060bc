# Every dependency is a Debian 12 package and reaches targets only as an imported target.
find_package(PkgConfig REQUIRED)
pkg_check_modules(httplib REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)  # PkgConfig::httplib: HTTP clients of tests and bench
pkg_check_modules(microhttpd REQUIRED IMPORTED_TARGET libmicrohttpd>=0.9.75)  # PkgConfig::microhttpd: the server
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)   # ICU::uc ICU::i18n
find_package(CLI11 REQUIRED CONFIG)                # CLI11::CLI11
find_package(nlohmann_json 3.10 REQUIRED CONFIG)   # nlohmann_json::nlohmann_json
find_package(ZLIB REQUIRED)                        # ZLIB::ZLIB, for .jsonl.gz
find_package(zstd REQUIRED CONFIG)                 # zstd::libzstd_shared, for .jsonl.zst
find_package(LibXml2 REQUIRED)                     # LibXml2::LibXml2, HTML in article fields read as text
find_package(Threads REQUIRED)                     # Threads::Threads (the indexing pipeline)

# Xapian ships a config file that sets variables only; wrap it in an imported target.
find_package(xapian REQUIRED CONFIG)
if(NOT TARGET Xapian::xapian)
  add_library(Xapian::xapian UNKNOWN IMPORTED)
  set_target_properties(Xapian::xapian PROPERTIES
    IMPORTED_LOCATION "${XAPIAN_SHARED_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}")
endif()

# libstemmer (Snowball) has neither pkg-config nor a CMake config in Debian.
find_path(LIBSTEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(LIBSTEMMER_LIBRARY NAMES stemmer REQUIRED)
if(NOT TARGET Snowball::stemmer)
  add_library(Snowball::stemmer UNKNOWN IMPORTED)
  set_target_properties(Snowball::stemmer PROPERTIES
    IMPORTED_LOCATION "${LIBSTEMMER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LIBSTEMMER_INCLUDE_DIR}")
endif()

# libcsv (CSV archives) has neither pkg-config nor a CMake config in Debian either.
find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)
find_library(LIBCSV_LIBRARY NAMES csv REQUIRED)
if(NOT TARGET libcsv::csv)
  add_library(libcsv::csv UNKNOWN IMPORTED)
  set_target_properties(libcsv::csv PROPERTIES
    IMPORTED_LOCATION "${LIBCSV_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LIBCSV_INCLUDE_DIR}")
endif()

# Xapian's writer allocates and frees map nodes for every term of every document; with
# tcmalloc telusur-index spends ~10 % less CPU (bench/results/indexing-profile.md). The
# sanitizers bring their own allocator, so a sanitized build keeps glibc's.
if(TELUSUR_TCMALLOC AND NOT TELUSUR_SANITIZE AND NOT TELUSUR_TSAN)
  pkg_check_modules(tcmalloc REQUIRED IMPORTED_TARGET libtcmalloc_minimal)  # PkgConfig::tcmalloc
endif()

if(TELUSUR_BUILD_TESTS)
  find_package(doctest REQUIRED CONFIG)            # doctest::doctest
endif()
