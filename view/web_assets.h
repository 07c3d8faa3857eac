/* web_assets.h - the page's files (view/web/), embedded in the binary by
 * embed.cmake at build time. */
#ifndef CFUZZ_VIEW_WEB_ASSETS_H
#define CFUZZ_VIEW_WEB_ASSETS_H

#include <stddef.h>

struct web_asset {
  const char *url;  /* "/index.html" */
  const char *type; /* Content-Type */
  const unsigned char *data;
  size_t size;
};

extern const struct web_asset web_assets[];
extern const size_t web_asset_count;

#endif
